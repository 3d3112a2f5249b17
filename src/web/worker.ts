// The web page's Web Worker: reading, checking and generating off the page's thread, so a
// 100,000-row roster does not freeze the page. The work itself is handler.ts.
import { createHandler } from "./handler";
import type { WorkerRequest, WorkerResponse } from "./protocol";

interface WorkerScope {
  postMessage(msg: WorkerResponse, transfer?: Transferable[]): void;
  onmessage: ((e: MessageEvent<WorkerRequest>) => void) | null;
}

const scope = self as unknown as WorkerScope;
const handle = createHandler((res, transfer) => scope.postMessage(res, transfer ?? []));
scope.onmessage = (e) => void handle(e.data);
scope.postMessage({ id: 0, kind: "progress", step: "done", done: 0, total: 0, detail: "ready" });
