// The cells of the sheets too large for their sample: row chunks, packed several to a sync, each
// sync's request sized by an estimate of the bytes per cell that is corrected from what the
// earlier chunks measured — never more than Excel's 5 million cells in one read.
import type { Cell, SheetData } from "../core/types";
import { jsonBytes } from "../core/text";

/** Excel's guidance: no more than 5 million cells in one read. */
export const READ_CELL_LIMIT = 5_000_000;
/** Sheets up to this many cells are read with their number formats (rate and budget sheets). */
export const FORMAT_CELL_LIMIT = 20_000;
const FORMAT_CELL_BYTES = 12;

export interface Dims {
  row: number;
  col: number;
  rows: number;
  cols: number;
}

/** One sheet's cells still to read. */
export interface CellJob {
  job: true;
  ws: Excel.Worksheet;
  name: string;
  dims: Dims;
  /** Rows wanted (all, or the head rows for sheet detection). */
  rows: number;
  /** Rows queued so far. */
  next: number;
  cellBytes: number;
  formats: boolean;
  values: Cell[][];
  numberFormats?: string[][];
}

export function newJob(
  ws: Excel.Worksheet,
  dims: Dims,
  cellBytes: number,
  headRows?: number
): CellJob {
  const rows = headRows ? Math.min(headRows, dims.rows) : dims.rows;
  const formats = rows * dims.cols <= FORMAT_CELL_LIMIT;
  return {
    job: true,
    ws,
    name: ws.name,
    dims,
    rows,
    next: 0,
    cellBytes,
    formats,
    values: [],
    numberFormats: formats ? [] : undefined,
  };
}

export interface Chunk {
  job: CellJob;
  range: Excel.Range;
  n: number;
}

/**
 * Queue the next chunks within `budget` bytes and the cell limit. At least one row is queued
 * when nothing else is in this sync (`others`: probes share it), so every sync makes progress.
 */
export function queueChunks(jobs: CellJob[], budget: number, others: boolean): Chunk[] {
  let cells = READ_CELL_LIMIT;
  const batch: Chunk[] = [];
  for (const job of jobs) {
    while (job.next < job.rows) {
      const perRow = job.dims.cols * (job.cellBytes + (job.formats ? FORMAT_CELL_BYTES : 0));
      const fit = Math.min(Math.floor(budget / perRow), Math.floor(cells / job.dims.cols));
      if (fit < 1 && (batch.length || others)) break;
      const n = Math.max(1, Math.min(job.rows - job.next, fit));
      const range = job.ws
        .getRangeByIndexes(job.dims.row + job.next, job.dims.col, n, job.dims.cols)
        .load(job.formats ? "values,numberFormat" : "values");
      batch.push({ job, range, n });
      job.next += n;
      budget -= n * perRow;
      cells -= n * job.dims.cols;
    }
    if (budget <= 0 || cells <= 0) break;
  }
  return batch;
}

/** After the sync: keep the rows, and learn the real bytes per cell. Returns the rows read. */
export function takeChunks(batch: Chunk[]): number {
  let rows = 0;
  for (const { job, range, n } of batch) {
    const vals = range.values as Cell[][];
    for (const row of vals) job.values.push(row);
    if (job.numberFormats)
      for (const row of range.numberFormat as string[][]) job.numberFormats.push(row);
    const measured = jsonBytes(vals) / Math.max(1, n * job.dims.cols);
    job.cellBytes = Math.max(4, measured * 1.15);
    rows += n;
  }
  return rows;
}

export function jobSheet(job: CellJob): SheetData {
  const sd: SheetData = {
    name: job.name,
    values: job.values,
    origin: { row: job.dims.row, col: job.dims.col },
  };
  if (job.numberFormats) sd.numberFormats = job.numberFormats;
  return sd;
}
