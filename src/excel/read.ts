// Reading the user's sheets in few round trips:
//   1. sheet names and ids, the add-in's named items, and the used range and top rows of the
//      sheets remembered from last time (else of the first, active and last sheets);
//   2. the cells, in row chunks packed several to a sync, each sync under ~3.75 MB by an
//      estimate from the sample and then from what earlier chunks measured, never more than
//      5M cells in one read — plus, in the first of them, the used ranges of the other sheets.
//   Small sheets come whole with their sample; a sheet probed late may need one more sync.
import type { Cell, SheetData, WorkbookData } from "../core/types";
import { GeneratedRole, isGeneratedName, roleOfMarker, sheetOfMarker } from "../core/generated";
import { errorCode } from "../app/errors";
import { jsonBytes } from "../core/text";
import { getSheetHint } from "./settings";
import { CellJob, Dims, jobSheet, newJob, queueChunks, takeChunks } from "./read-cells";
import type { Progress } from "../app/port";

/** Bytes one data sync may carry (estimated); Excel on the web refuses more than 5 MB. */
export const READ_BUDGET = 3.75 * 1024 * 1024;
/** The sample: the top rows of each used range, within the first 50 columns. A sheet that fits
 *  (rate, budget and history sheets usually do) needs no further read. */
const SAMPLE_ROWS = 40;
const SAMPLE_COLUMNS = "A:AX";
const DEFAULT_CELL_BYTES = 24;
/** What one probe (used range and sample) is budgeted at: values and number formats of 40 × 50
 *  cells at about 100 bytes a cell (a 25-character Chinese text is 75 bytes of UTF-8). */
const PROBE_BYTES = SAMPLE_ROWS * 50 * 100;
/** Probes one sync may carry: dense samples of many sheets would exceed the 5 MB response. */
export const PROBES_PER_SYNC = Math.max(1, Math.floor(READ_BUDGET / PROBE_BYTES) - 1);

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
  /** The workbook's structure is protected: no sheet can be added or deleted. */
  structureProtected: boolean;
}

export interface ReadResult {
  book: WorkbookData;
  layout: Layout;
  /** A sync went out after onLayout (what it queued is loaded). */
  syncedAfterLayout: boolean;
}

export interface ReadOptions {
  progress?: Progress;
  /** Read only this many rows from the top of each used range (sheet detection). */
  headRows?: number;
  /** Sheets the user chose explicitly are read even if their names look generated. */
  explicit?: string[];
  /** Called once the sheets are known, before the cell syncs: loads queued here ride along. */
  onLayout?: (sheets: SheetInfo[]) => void;
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

/** Round trip 1: names and ids, markers, and used ranges with a sample — of the remembered
 *  sheets, or else of the first, active and last sheets (the only ones reachable without names). */
async function firstRoundTrip(
  ctx: Excel.RequestContext,
  hint: string[] | null,
  probeCount = PROBES_PER_SYNC
): Promise<{
  sheetsColl: Excel.WorksheetCollection;
  names: Excel.NamedItemCollection;
  probes: Map<string, SheetProbe>;
  protection: Excel.WorkbookProtection;
}> {
  const wb = ctx.workbook;
  const sheetsColl = wb.worksheets.load("items/name,items/id,items/visibility");
  const names = wb.names.load("items/name,items/formula");
  const protection = wb.protection.load("protected");
  const anchors: { ws: Excel.Worksheet; p: SheetProbe }[] = [];
  if (hint) {
    // Only as many probes as one response can carry; the other sheets are probed later.
    for (const n of hint.slice(0, probeCount)) {
      const ws = wb.worksheets.getItem(n);
      anchors.push({ ws, p: probe(ws) });
    }
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
    const name = hint ? hint[i] : a.ws.name;
    if (!probes.has(name)) probes.set(name, a.p);
  });
  return { sheetsColl, names, probes, protection };
}

/** The sheets to read: not very hidden and not generated, unless the user chose them. */
function sheetsToRead(
  items: Excel.Worksheet[],
  generated: Layout["generated"],
  explicitNames: string[] = []
): Excel.Worksheet[] {
  const ours = new Set(Object.values(generated).map((n) => n!.toLowerCase()));
  const explicit = new Set(explicitNames.map((n) => n.toLowerCase()));
  return items.filter((w) => {
    const k = w.name.toLowerCase();
    if (explicit.has(k)) return true;
    return w.visibility !== "VeryHidden" && !ours.has(k) && !isGeneratedName(w.name);
  });
}

/** A probed sheet: done already (blank, or its sample holds every row wanted), or a job. */
function fromProbe(w: Excel.Worksheet, p: SheetProbe, headRows?: number): SheetData | CellJob {
  const { dims, cellBytes, whole } = dimsOf(p, headRows);
  if (!dims) return { name: w.name, values: [] };
  if (whole)
    return {
      name: w.name,
      values: whole.values,
      numberFormats: whole.numberFormats,
      origin: { row: dims.row, col: dims.col },
    };
  return newJob(w, dims, cellBytes, headRows);
}

/** The first round trip; when the samples were denser than budgeted and the response too large,
 *  again with half as many probes (the rest are probed with the cells). */
async function firstRoundTripWithin(
  ctx: Excel.RequestContext,
  hint: string[] | null
): ReturnType<typeof firstRoundTrip> {
  for (let n = PROBES_PER_SYNC; ; n = Math.floor(n / 2)) {
    try {
      return await firstRoundTrip(ctx, hint, n);
    } catch (e) {
      if (n === 0 || errorCode(e) !== "ResponsePayloadSizeLimitExceeded") throw e;
    }
  }
}

/** Read every input sheet (values, and number formats where cheap). */
export async function readWorkbook(
  ctx: Excel.RequestContext,
  opts: ReadOptions = {}
): Promise<ReadResult> {
  const { progress } = opts;
  const hint = getSheetHint();
  progress?.("read", 0, 1);

  let r1: Awaited<ReturnType<typeof firstRoundTrip>>;
  try {
    r1 = await firstRoundTripWithin(ctx, hint);
  } catch (e) {
    // A remembered sheet was deleted or renamed since: ask again without the hint.
    const code = errorCode(e);
    if (!hint || (code !== "ItemNotFound" && code !== "InvalidArgument")) throw e;
    r1 = await firstRoundTrip(ctx, null);
  }
  const sheets: SheetInfo[] = r1.sheetsColl.items.map((w) => ({
    name: w.name,
    id: w.id,
    visibility: w.visibility,
  }));
  const layout: Layout = {
    sheets,
    ...markers(r1.names.items, sheets),
    structureProtected: r1.protection.protected,
  };
  opts.onLayout?.(sheets);
  let syncedAfterLayout = false;

  const jobs: CellJob[] = [];
  const done: SheetData[] = [];
  const add = (w: Excel.Worksheet, p: SheetProbe) => {
    const r = fromProbe(w, p, opts.headRows);
    if ("job" in r) jobs.push(r);
    else done.push(r);
  };
  let unprobed: Excel.Worksheet[] = [];
  for (const w of sheetsToRead(r1.sheetsColl.items, layout.generated, opts.explicit)) {
    const p = r1.probes.get(w.name);
    if (p) add(w, p);
    else unprobed.push(w);
  }

  // Then the cells, in row chunks packed several to a sync; the sheets not probed yet are probed
  // in the first of these syncs (their samples often hold all their rows).
  let doneRows = 0;
  while (unprobed.length || jobs.some((j) => j.next < j.rows)) {
    const probing = unprobed.slice(0, PROBES_PER_SYNC).map((w) => ({ w, p: probe(w) }));
    unprobed = unprobed.slice(PROBES_PER_SYNC);
    const batch = queueChunks(jobs, READ_BUDGET - probing.length * PROBE_BYTES, probing.length > 0);
    await ctx.sync();
    syncedAfterLayout = true;
    doneRows += takeChunks(batch);
    for (const { w, p } of probing) add(w, p);
    progress?.(
      "read",
      doneRows,
      jobs.reduce((a, j) => a + j.rows, 0)
    );
  }
  // Keep the workbook's sheet order.
  const order = new Map(sheets.map((s, i) => [s.name, i]));
  const book: WorkbookData = {
    sheets: [...done, ...jobs.map(jobSheet)].sort(
      (a, b) => (order.get(a.name) ?? 0) - (order.get(b.name) ?? 0)
    ),
  };
  return { book, layout, syncedAfterLayout };
}
