// The messages between the web page and its worker (src/web/worker.ts). Everything here is
// structured-clone data: the workbook bytes travel as ArrayBuffers, money as bigint.
import type { Cell, Options } from "../core/types";
import type { Analysis } from "../core/engine";
import type { StepCode } from "../app/port";
import type { GenerateRequest, GenerateResult } from "../app/actions";

/** A sheet as the preview grid shows it: values, and for generated sheets their formulas. */
export interface PreviewSheet {
  name: string;
  values: Cell[][];
  numberFormats?: string[][];
  /** The formula behind a cell (generated sheets), with its leading =. */
  formulas?: (string | null)[][];
  /** A sheet this tool generated (shown after the user's sheets, in the download only). */
  generated?: boolean;
  /** 0-based sheet position of values[0][0]. */
  origin?: { row: number; col: number };
}

export type WorkerRequest =
  | { id: number; kind: "open"; bytes: ArrayBuffer; fileName: string }
  | { id: number; kind: "validate"; options: Options }
  | {
      id: number;
      kind: "generate";
      options: Options;
      request: Pick<GenerateRequest, "force" | "markWhenBlocked">;
    };

/** Reading the file itself (before any sheet is read): unzipping and parsing the XML. */
export type WebStep = StepCode | "open";

export type WorkerResponse =
  | { id: number; kind: "progress"; step: WebStep; done: number; total: number; detail?: string }
  | { id: number; kind: "opened"; sheets: PreviewSheet[]; rows: number }
  | { id: number; kind: "validated"; analysis: Analysis }
  | {
      id: number;
      kind: "generated";
      outcome: GenerateResult;
      /** The workbook to download (null when blocked). */
      file: ArrayBuffer | null;
      /** The generated sheets as the preview shows them. */
      sheets: PreviewSheet[];
      saveMode: "patch" | "full" | null;
    }
  | { id: number; kind: "failed"; message: string };

/** One side of the conversation: a real Worker, or the same handler on the page's thread. */
export interface Channel {
  post(req: WorkerRequest, transfer?: Transferable[]): void;
  onMessage(fn: (res: WorkerResponse) => void): void;
}
