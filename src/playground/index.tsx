// The browser playground: the real task pane beside an in-browser workbook on the strict Excel
// double. No office.js: the double installs the Office and Excel globals the add-in uses.
import * as React from "react";
import { createRoot } from "react-dom/client";
import { createExcelDouble, ExcelDouble } from "../testing/excel-double";
import { Pane } from "../taskpane/mount";
import { officeHost } from "../taskpane/officeHost";
import { langOf } from "../taskpane/strings";
import { Grid } from "./Grid";
import { loadSample, SampleName } from "./loadSample";
import { installDialogs, Notice, NoticeDialog, runRibbonCommand } from "./ribbon";

const params = new URLSearchParams(window.location.search);
const lang = langOf(params.get("lang") ?? "zh-CN");

function Playground(): React.ReactElement {
  const [sample, setSample] = React.useState<SampleName>(
    params.get("sample") === "mistakes" ? "mistakes" : "clean"
  );
  const [dbl, setDbl] = React.useState<ExcelDouble | null>(null);
  const [error, setError] = React.useState<string | null>(null);
  const [generation, setGeneration] = React.useState(0);
  const [notice, setNotice] = React.useState<Notice | null>(null);
  const [ribbonBusy, setRibbonBusy] = React.useState(false);

  const ribbon = async () => {
    setRibbonBusy(true);
    try {
      await runRibbonCommand();
    } finally {
      setRibbonBusy(false);
    }
  };

  React.useEffect(() => {
    let cancelled = false;
    setDbl(null);
    setError(null);
    loadSample(sample).then(
      (book) => {
        if (cancelled) return;
        const d = createExcelDouble(book, { displayLanguage: lang === "en" ? "en-US" : "zh-CN" });
        d.installGlobals();
        installDialogs(d, setNotice);
        setDbl(d);
        setGeneration((g) => g + 1);
      },
      (e) => !cancelled && setError(String(e?.message ?? e))
    );
    return () => {
      cancelled = true;
    };
  }, [sample]);

  return (
    <div className="playground" data-ready={dbl ? "true" : "false"} data-sample={sample}>
      <header className="topbar">
        <h1>疗休养经费助手 · 浏览器试用</h1>
        <span className="note">工作簿为浏览器内的模拟 Excel，不连接 Office。</span>
        <button
          type="button"
          className="ribbon"
          disabled={!dbl || ribbonBusy}
          onClick={() => void ribbon()}
        >
          {ribbonBusy ? "正在生成…" : "一键生成（功能区按钮）"}
        </button>
        <div className="samples" role="group" aria-label="样例工作簿">
          <button
            type="button"
            aria-pressed={sample === "clean"}
            onClick={() => setSample("clean")}
          >
            样例（无错误）
          </button>
          <button
            type="button"
            aria-pressed={sample === "mistakes"}
            onClick={() => setSample("mistakes")}
          >
            带错误的样例
          </button>
        </div>
      </header>
      <div className="body">
        <section className="book" aria-label="工作簿">
          {error && <p role="alert">{error}</p>}
          {dbl ? <Grid dbl={dbl} /> : !error && <p className="loading">正在载入样例工作簿…</p>}
        </section>
        <div className="pane">{dbl && <Pane key={generation} host={officeHost} lang={lang} />}</div>
      </div>
      {notice && <NoticeDialog notice={notice} lang={lang} />}
    </div>
  );
}

document.documentElement.lang = lang === "en" ? "en" : "zh-CN";
createRoot(document.getElementById("root")!).render(<Playground />);
