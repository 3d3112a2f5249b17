// The offline web page: pick or drop an .xlsx, the task pane beside a preview of the
// workbook, and the workbook with the generated sheets to download. Everything runs in this
// browser (a Web Worker where allowed); the page's CSP forbids every network connection.
import * as React from "react";
import { createRoot } from "react-dom/client";
import type { Issue, Severity } from "../core/types";
import { parseA1 } from "../core/a1";
import { Pane } from "../taskpane/mount";
import { Client, connect, ChannelMode } from "./channel";
import type { PreviewSheet, WebStep } from "./protocol";
import { createWebHost, outputName } from "./webHost";
import { Marks, Selection, SheetGrid } from "./SheetGrid";
import { WEB } from "./strings";

interface Opened {
  key: number;
  name: string;
  sheets: PreviewSheet[];
  rows: number;
}

interface Opening {
  name: string;
  step: WebStep;
  done: number;
  total: number;
  detail?: string;
}

interface Download {
  url: string;
  name: string;
  saveMode: string | null;
}

function marksOf(issues: Issue[]): Marks {
  const m: Marks = new Map();
  for (const i of issues) {
    if (i.row === undefined || i.col === undefined) continue;
    let sheet = m.get(i.sheet);
    if (!sheet) m.set(i.sheet, (sheet = new Map<string, Severity>()));
    const key = `${i.row - 1},${i.col - 1}`;
    if (sheet.get(key) !== "error") sheet.set(key, i.severity);
  }
  return m;
}

function saveFile(url: string, name: string): void {
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  a.style.display = "none";
  document.body.appendChild(a);
  a.click();
  a.remove();
}

function WebPage(): React.ReactElement {
  const [client, setClient] = React.useState<Client | null>(null);
  const [mode, setMode] = React.useState<ChannelMode | null>(null);
  const [opened, setOpened] = React.useState<Opened | null>(null);
  const [opening, setOpening] = React.useState<Opening | null>(null);
  const [openError, setOpenError] = React.useState<string | null>(null);
  const [marks, setMarks] = React.useState<Marks>(new Map());
  const [selection, setSelection] = React.useState<Selection | null>(null);
  const [shown, setShown] = React.useState("");
  const [generated, setGenerated] = React.useState<PreviewSheet[]>([]);
  const [download, setDownload] = React.useState<Download | null>(null);
  const [dragging, setDragging] = React.useState(false);
  const input = React.useRef<HTMLInputElement>(null);
  const keys = React.useRef(0);

  React.useEffect(() => {
    void connect().then(({ channel, mode: m }) => {
      setClient(new Client(channel));
      setMode(m);
    });
  }, []);

  const open = async (file: File) => {
    if (!client) return;
    setOpenError(null);
    setOpening({ name: file.name, step: "open", done: 0, total: 0 });
    const bytes = await file.arrayBuffer();
    const res = await client.request<"open">(
      { kind: "open", bytes, fileName: file.name },
      (p) =>
        setOpening({
          name: file.name,
          step: p.step,
          done: p.done,
          total: p.total,
          detail: p.detail,
        }),
      [bytes]
    );
    setOpening(null);
    if (res.kind !== "opened") {
      setOpenError(res.kind === "failed" ? res.message : String(res.kind));
      return;
    }
    setDownload((d) => {
      if (d) URL.revokeObjectURL(d.url);
      return null;
    });
    setGenerated([]);
    setMarks(new Map());
    setSelection(null);
    setShown(res.sheets[0]?.name ?? "");
    setOpened({ key: ++keys.current, name: file.name, sheets: res.sheets, rows: res.rows });
  };

  const host = React.useMemo(() => {
    if (!client || !opened) return null;
    return createWebHost(client, {
      sheets: opened.sheets,
      fileName: opened.name,
      setMarks: (issues) => setMarks(marksOf(issues)),
      select: (sheet, cell) => {
        const { row, col } = parseA1(cell);
        setShown(sheet);
        setSelection({ sheet, row, col });
      },
      show: (sheet) => {
        setShown(sheet);
        setSelection(null);
      },
      generated: (file, sheets, saveMode) => {
        if (keys.current !== opened.key) return; // another workbook was opened meanwhile
        const name = outputName(opened.name);
        const url = URL.createObjectURL(
          new Blob([file], {
            type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
          })
        );
        setDownload((d) => {
          if (d) URL.revokeObjectURL(d.url);
          return { url, name, saveMode };
        });
        setGenerated(sheets);
        saveFile(url, name);
      },
    });
  }, [client, opened]);

  const onFiles = (files: FileList | null) => {
    const f = files?.[0];
    if (f) void open(f);
  };

  // A workbook generated before (a downloaded file opened again) has our sheets already: the
  // new ones replace them, in the download as in the preview.
  const sheets = opened
    ? [...opened.sheets.filter((s) => !generated.some((g) => g.name === s.name)), ...generated]
    : [];
  const progressValue =
    opening && opening.total > 0 ? Math.min(1, opening.done / opening.total) : undefined;

  return (
    <div
      className={"web" + (dragging ? " dragging" : "")}
      data-ready={client ? "true" : "false"}
      data-mode={mode ?? undefined}
      data-opened={opened ? "true" : "false"}
      onDragOver={(e) => {
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={(e) => {
        e.preventDefault();
        setDragging(false);
        onFiles(e.dataTransfer.files);
      }}
    >
      <header className="topbar">
        <h1>{WEB.title}</h1>
        <div className="pick">
          <button
            type="button"
            disabled={!client || !!opening}
            onClick={() => input.current?.click()}
          >
            {opened ? WEB.pickAnother : WEB.pick}
          </button>
          <input
            ref={input}
            type="file"
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            aria-label={WEB.pick}
            hidden
            onChange={(e) => {
              onFiles(e.target.files);
              e.target.value = "";
            }}
          />
          <span className="drop">{WEB.drop}</span>
        </div>
        {download && (
          <a
            className="download"
            href={download.url}
            download={download.name}
            data-save-mode={download.saveMode ?? undefined}
          >
            {WEB.download(download.name)}
          </a>
        )}
      </header>
      <p className="privacy">{WEB.privacy}</p>
      {mode === "page" && <p className="note">{WEB.noWorker}</p>}
      {opening && (
        <div className="opening" role="status">
          <label htmlFor="open-progress">
            {WEB.opening(opening.name)} {WEB.steps[opening.step]}
            {opening.detail ? `：${opening.detail}` : ""}
          </label>
          <progress id="open-progress" max={1} value={progressValue} />
        </div>
      )}
      {openError && (
        <div className="error" role="alert">
          <strong>{WEB.openFailed}</strong>：{openError}
        </div>
      )}
      {!opened && !opening && <p className="intro">{WEB.intro}</p>}
      {opened && host && (
        <div className="body">
          <section className="book" aria-label={WEB.previewLabel}>
            <p className="status">
              {WEB.opened(opened.name, opened.sheets.length, opened.rows)}
              {download ? " " + WEB.downloadNote : ""}
            </p>
            <SheetGrid
              sheets={sheets}
              shown={shown}
              onShow={(name) => {
                setShown(name);
                setSelection(null);
              }}
              selection={selection}
              marks={marks}
            />
          </section>
          <div className="pane">
            <Pane key={opened.key} host={host} lang="zh" />
          </div>
        </div>
      )}
    </div>
  );
}

document.documentElement.lang = "zh-CN";
createRoot(document.getElementById("root")!).render(<WebPage />);
