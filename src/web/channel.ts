// How the page reaches its worker: a Web Worker from worker.js (served page) or from the
// script inlined in offline.html (a Blob URL); where the browser refuses both, the same
// handler on the page's own thread.
import { createHandler } from "./handler";
import type { Channel, WorkerRequest, WorkerResponse } from "./protocol";

declare global {
  interface Window {
    /** The worker's script, inlined by scripts/inline-web.mjs into offline.html. */
    __LXY_WORKER_SOURCE__?: string;
  }
}

export type ChannelMode = "worker" | "page";

function workerUrl(): string {
  const inline = window.__LXY_WORKER_SOURCE__;
  if (inline)
    return URL.createObjectURL(new Blob([inline], { type: "text/javascript;charset=utf-8" }));
  return new URL("worker.js", document.baseURI).href;
}

/** A worker that said it is ready, or null when the browser refused or it failed to start. */
function startWorker(): Promise<Worker | null> {
  return new Promise((resolve) => {
    let worker: Worker;
    try {
      worker = new Worker(workerUrl());
    } catch {
      resolve(null);
      return;
    }
    const ready = (e: MessageEvent<WorkerResponse>) => {
      if (e.data?.id !== 0) return;
      worker.removeEventListener("message", ready);
      resolve(worker);
    };
    worker.addEventListener("message", ready);
    worker.addEventListener("error", (e) => {
      e.preventDefault();
      worker.terminate();
      resolve(null);
    });
  });
}

function pageChannel(): Channel {
  const listeners: ((res: WorkerResponse) => void)[] = [];
  const handle = createHandler((res) =>
    // Asynchronously, as a worker's messages arrive: React sees each progress step.
    setTimeout(() => listeners.forEach((l) => l(res)), 0)
  );
  return {
    post: (req: WorkerRequest) => void setTimeout(() => void handle(req), 0),
    onMessage: (fn) => listeners.push(fn),
  };
}

export async function connect(): Promise<{ channel: Channel; mode: ChannelMode }> {
  const worker = await startWorker();
  if (!worker) return { channel: pageChannel(), mode: "page" };
  return {
    mode: "worker",
    channel: {
      post: (req, transfer) => worker.postMessage(req, transfer ?? []),
      onMessage: (fn) => worker.addEventListener("message", (e) => fn(e.data)),
    },
  };
}

/** One request, its progress messages, and its answer. */
export class Client {
  private next = 1;
  private pending = new Map<
    number,
    { resolve: (r: WorkerResponse) => void; progress?: (r: WorkerResponse) => void }
  >();

  constructor(private channel: Channel) {
    channel.onMessage((res) => {
      const p = this.pending.get(res.id);
      if (!p) return;
      if (res.kind === "progress") p.progress?.(res);
      else {
        this.pending.delete(res.id);
        p.resolve(res);
      }
    });
  }

  request<K extends WorkerRequest["kind"]>(
    req: Omit<Extract<WorkerRequest, { kind: K }>, "id">,
    progress?: (r: Extract<WorkerResponse, { kind: "progress" }>) => void,
    transfer?: Transferable[]
  ): Promise<WorkerResponse> {
    const id = this.next++;
    return new Promise((resolve) => {
      this.pending.set(id, {
        resolve,
        progress: progress as (r: WorkerResponse) => void,
      });
      this.channel.post({ ...req, id } as unknown as WorkerRequest, transfer);
    });
  }
}
