// Reading the user's sheets in few round trips:
//   1. sheet names and ids, the add-in's named items, and the used range and top rows of the
//      sheets remembered from last time (else of the first, active and last sheets);
//   2. the cells, in row chunks packed several to a sync, each sync under ~3.75 MB by an
//      estimate from the sample and then from what earlier chunks measured, never more than
//      5M cells in one read — plus, in the first of them, the used ranges of the other sheets.
//   Small sheets come whole with their sample; a sheet probed late may need one more sync.
import type { Cell, SheetData, WorkbookData } from "../core/types";
import { GeneratedRole, isGeneratedName, roleOfMarker, sheetOfMarker } from "../core/generated";
import { errorCode } from "./errors";
import { jsonBytes } from "../core/text";
import { getMarks, getSheetHint } from "./settings";

export type Progress = (step: string, done: number, total: number) => void;

/** Bytes one data sync may carry (estimated); Excel on the web refuses more than 5 MB. */
export const READ_BUDGET = 3.75 * 1024 * 1024;
/** Excel's guidance: no more than 5 million cells in one read. */
export const READ_CELL_LIMIT = 5_000_000;
/** Sheets up to this many cells are read with their number formats (rate and budget sheets). */
export const FORMAT_CELL_LIMIT = 20_000;
/** The sample: the top rows of each used range, within the first 50 columns. A sheet that fits
 *  (rate, budget and history sheets usually do) needs no further read. */
const SAMPLE_ROWS = 40;
const SAMPLE_COLUMNS = "A:AX";
const DEFAULT_CELL_BYTES = 24;
const FORMAT_CELL_BYTES = 12;
/** What one probe (used range and sample) may bring back, at most. */
const PROBE_BYTES = SAMPLE_ROWS * 50 * 40;

export interface SheetInfo {
  name: string;
  id: string;
  visibility: string;
}

export interface Layout {
  sheets: SheetInfo[];
  /** Sheets this add-in generated, by role, from their marker names (core/generated.ts). */
  generated: Partial<Record<GeneratedRole, string>>;
  /** Marker names present (stale ones included), to replace on the next write. */
  markerNames: Partial<Record<GeneratedRole, string>>;
}

export interface ConditionalFormatInfo {
  id: string;
  type: string;
}

export interface ReadResult {
  book: WorkbookData;
  layout: Layout;
  /** Conditional formats currently on the sheets where the add-in recorded marks. */
  marksFound: Record<string, ConditionalFormatInfo[]>;
}

export interface ReadOptions {
  progress?: Progress;
  /** Read only this many rows from the top of each used range (sheet detection). */
  headRows?: number;
  /** Also load the conditional formats of sheets with recorded marks (to clear them). */
  withMarks?: boolean;
  /** Sheets the user chose explicitly are read even if their names look generated. */
  explicit?: string[];
}

interface Dims {
  row: number;
  col: number;
  rows: number;
  cols: number;
}

interface SheetProbe {
  ws: Excel.Worksheet;
  used: Excel.Range;
  sample: Excel.Range;
}

function probe(ws: Excel.Worksheet): SheetProbe {
  const used = ws.getUsedRangeOrNullObject(true).load("rowIndex,columnIndex,rowCount,columnCount");
  // getUsedRange (not OrNullObject) is A1 on a blank sheet, so the chain is always valid.
  const top = ws
    .getUsedRange(true)
    .getRow(0)
    .getResizedRange(SAMPLE_ROWS - 1, 0);
  const sample = top
    .getIntersectionOrNullObject(ws.getRange(SAMPLE_COLUMNS))
    .load("values,numberFormat,rowIndex,columnIndex,rowCount,columnCount");
  return { ws, used, sample };
}

interface Probed {
  dims: Dims | null;
  cellBytes: number;
  /** The sheet's cells when the sample already holds every row wanted. */
  whole: { values: Cell[][]; numberFormats: string[][] } | null;
}

function dimsOf(p: SheetProbe, headRows?: number): Probed {
  if (p.used.isNullObject) return { dims: null, cellBytes: DEFAULT_CELL_BYTES, whole: null };
  const dims = {
    row: p.used.rowIndex,
    col: p.used.columnIndex,
    rows: p.used.rowCount,
    cols: p.used.columnCount,
  };
  let cellBytes = DEFAULT_CELL_BYTES;
  let whole: Probed["whole"] = null;
  if (!p.sample.isNullObject) {
    const s = p.sample;
    const cells = s.rowCount * s.columnCount;
    // The sample holds titles and headers too; a margin keeps the estimate on the safe side.
    if (cells > 0) cellBytes = Math.max(6, (jsonBytes(s.values) / cells) * 1.3);
    const want = headRows ? Math.min(headRows, dims.rows) : dims.rows;
    if (
      s.rowIndex === dims.row &&
      s.columnIndex === dims.col &&
      s.columnCount === dims.cols &&
      s.rowCount >= want
    ) {
      whole = {
        values: (s.values as Cell[][]).slice(0, want),
        numberFormats: (s.numberFormat as string[][]).slice(0, want),
      };
    }
  }
  return { dims, cellBytes, whole };
}

/** The marker names (core/generated.ts) point at the sheets this add-in wrote. */
function markers(
  names: Excel.NamedItem[],
  sheets: SheetInfo[]
): Pick<Layout, "generated" | "markerNames"> {
  const generated: Layout["generated"] = {};
  const markerNames: Layout["markerNames"] = {};
  for (const n of names) {
    const role = roleOfMarker(n.name);
    if (!role) continue;
    markerNames[role] = n.name;
    const sheet = sheetOfMarker(String(n.formula ?? ""));
    const found =
      sheet !== null ? sheets.find((s) => s.name.toLowerCase() === sheet.toLowerCase()) : undefined;
    if (found) generated[role] = found.name;
  }
  return { generated, markerNames };
}

/** Read every input sheet (values, and number formats where cheap). */
export async function readWorkbook(
  ctx: Excel.RequestContext,
  opts: ReadOptions = {}
): Promise<ReadResult> {
  const { progress } = opts;
  const wb = ctx.workbook;
  const recorded = opts.withMarks ? getMarks() : {};
  const hint = getSheetHint();
  progress?.("读取工作表列表", 0, 1);

  // Round trip 1: names and ids, markers, and used ranges with a sample — of the remembered
  // sheets, or else of the first, active and last sheets (the only ones reachable without names).
  const first = async (useHint: boolean) => {
    const sheetsColl = wb.worksheets.load("items/name,items/id,items/visibility");
    const names = wb.names.load("items/name,items/formula");
    const anchors: { ws: Excel.Worksheet; p: SheetProbe }[] = [];
    const cfs = new Map<string, Excel.ConditionalFormatCollection>();
    if (useHint && hint) {
      for (const n of hint) {
        const ws = wb.worksheets.getItem(n);
        anchors.push({ ws, p: probe(ws) });
      }
      for (const id of Object.keys(recorded))
        cfs.set(
          id,
          wb.worksheets.getItem(id).getRange().conditionalFormats.load("items/id,items/type")
        );
    } else {
      for (const ws of [
        wb.worksheets.getFirst(),
        wb.worksheets.getActiveWorksheet(),
        wb.worksheets.getLast(),
      ])
        anchors.push({ ws: ws.load("name"), p: probe(ws) });
    }
    await ctx.sync();
    const probes = new Map<string, SheetProbe>();
    anchors.forEach((a, i) => {
      const name = useHint && hint ? hint[i] : a.ws.name;
      if (!probes.has(name)) probes.set(name, a.p);
    });
    return { sheetsColl, names, probes, cfs };
  };
  let r1: Awaited<ReturnType<typeof first>>;
  try {
    r1 = await first(true);
  } catch (e) {
    // A remembered sheet was deleted or renamed since: ask again without the hint.
    const code = errorCode(e);
    if (!hint || (code !== "ItemNotFound" && code !== "InvalidArgument")) throw e;
    r1 = await first(false);
  }
  const sheets: SheetInfo[] = r1.sheetsColl.items.map((w) => ({
    name: w.name,
    id: w.id,
    visibility: w.visibility,
  }));
  const mk = markers(r1.names.items, sheets);
  const layout: Layout = { sheets, ...mk };
  const ours = new Set(Object.values(mk.generated).map((n) => n!.toLowerCase()));
  const explicit = new Set((opts.explicit ?? []).map((n) => n.toLowerCase()));
  const toRead = r1.sheetsColl.items.filter((w) => {
    const k = w.name.toLowerCase();
    if (explicit.has(k)) return true;
    return w.visibility !== "VeryHidden" && !ours.has(k) && !isGeneratedName(w.name);
  });

  interface Job {
    ws: Excel.Worksheet;
    name: string;
    dims: Dims;
    rows: number;
    next: number;
    cellBytes: number;
    formats: boolean;
    values: Cell[][];
    numberFormats?: string[][];
  }
  const jobs: Job[] = [];
  const book: WorkbookData = { sheets: [] };
  const addSheet = (w: Excel.Worksheet, p: SheetProbe) => {
    const { dims, cellBytes, whole } = dimsOf(p, opts.headRows);
    if (!dims) book.sheets.push({ name: w.name, values: [] });
    else if (whole)
      book.sheets.push({
        name: w.name,
        values: whole.values,
        numberFormats: whole.numberFormats,
        origin: { row: dims.row, col: dims.col },
      });
    else {
      const rows = opts.headRows ? Math.min(opts.headRows, dims.rows) : dims.rows;
      const formats = rows * dims.cols <= FORMAT_CELL_LIMIT;
      jobs.push({
        ws: w,
        name: w.name,
        dims,
        rows,
        next: 0,
        cellBytes,
        formats,
        values: [],
        numberFormats: formats ? [] : undefined,
      });
    }
  };
  let unprobed: Excel.Worksheet[] = [];
  for (const w of toRead) {
    const p = r1.probes.get(w.name);
    if (p) addSheet(w, p);
    else unprobed.push(w);
  }
  const cfs = new Map(r1.cfs);
  let recordedIds = Object.keys(recorded).filter(
    (id) => sheets.some((s) => s.id === id) && !cfs.has(id)
  );

  // Then the cells, in row chunks packed several to a sync; the sheets not probed yet are probed
  // in the first of these syncs (their samples often hold all their rows).
  let doneRows = 0;
  while (unprobed.length || recordedIds.length || jobs.some((j) => j.next < j.rows)) {
    let budget = READ_BUDGET - unprobed.length * PROBE_BYTES;
    let cells = READ_CELL_LIMIT;
    const probing = unprobed.map((w) => ({ w, p: probe(w) }));
    unprobed = [];
    for (const id of recordedIds)
      cfs.set(
        id,
        wb.worksheets.getItem(id).getRange().conditionalFormats.load("items/id,items/type")
      );
    recordedIds = [];
    const batch: { job: Job; range: Excel.Range; n: number }[] = [];
    for (const job of jobs) {
      while (job.next < job.rows) {
        const perRow = job.dims.cols * (job.cellBytes + (job.formats ? FORMAT_CELL_BYTES : 0));
        const fit = Math.min(Math.floor(budget / perRow), Math.floor(cells / job.dims.cols));
        if (fit < 1 && (batch.length || probing.length)) break;
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
    await ctx.sync();
    for (const { job, range, n } of batch) {
      const vals = range.values as Cell[][];
      for (const row of vals) job.values.push(row);
      if (job.numberFormats)
        for (const row of range.numberFormat as string[][]) job.numberFormats.push(row);
      // Learn from what came back, so the next chunks are sized by real bytes.
      const measured = jsonBytes(vals) / Math.max(1, n * job.dims.cols);
      job.cellBytes = Math.max(4, measured * 1.15);
      doneRows += n;
    }
    for (const { w, p } of probing) addSheet(w, p);
    progress?.(
      "读取单元格",
      doneRows,
      jobs.reduce((a, j) => a + j.rows, 0)
    );
  }
  for (const job of jobs) {
    const sd: SheetData = {
      name: job.name,
      values: job.values,
      origin: { row: job.dims.row, col: job.dims.col },
    };
    if (job.numberFormats) sd.numberFormats = job.numberFormats;
    book.sheets.push(sd);
  }
  // Keep the workbook's sheet order.
  const order = new Map(sheets.map((s, i) => [s.name, i]));
  book.sheets.sort((a, b) => (order.get(a.name) ?? 0) - (order.get(b.name) ?? 0));

  const marksFound: ReadResult["marksFound"] = {};
  for (const [id, coll] of cfs) {
    if (sheets.some((s) => s.id === id))
      marksFound[id] = coll.items.map((c) => ({ id: c.id, type: c.type }));
  }
  return { book, layout, marksFound };
}
