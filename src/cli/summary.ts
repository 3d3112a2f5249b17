// The readable summary printed by the command line: one line per programme, totals, the budget.
import type { Analysis } from "../core/engine";
import type { Issue, IssueCode } from "../core/types";
import { issueCell } from "../core/a1";
import { formatYuan } from "../core/money";
import { visualWidth } from "../core/plan";
import { maxOf } from "../core/max";
import { SEVERITY_LABEL, TITLE } from "../core/messages";

function pad(s: string, w: number, right = false): string {
  const fill = " ".repeat(Math.max(0, w - visualWidth(s)));
  return right ? fill + s : s + fill;
}

export function table(rows: string[][], rightFrom = 2): string {
  const widths = rows[0].map((_, c) => maxOf(rows.map((r) => visualWidth(r[c] ?? ""))));
  return rows
    .map((r) => r.map((s, c) => pad(s ?? "", widths[c], c >= rightFrom)).join("  "))
    .join("\n");
}

export function formatSummary(a: Analysis): string {
  const lines: string[] = [];
  const al = a.allocation;
  const mapped = Object.entries(a.mapping)
    .map(
      ([k, v]) =>
        `${{ roster: "花名册", rates: "费率", history: "历史记录", budget: "预算" }[k]}=“${
          Array.isArray(v) ? v.join("”“") : v
        }”`
    )
    .join("，");
  lines.push(`${a.year}年疗休养经费分摊（单位：元）  工作表：${mapped || "未识别"}`);
  if (al) {
    const head = ["编号", "项目", "报名/名额/入选/候补", "费用合计", ...al.payers, "往返交通费"];
    const rows = [head];
    const picked = (pa: (typeof al.programs)[number]) => {
      const sel = a.selection.find((s) => s.program === pa.program);
      const selected = sel?.selectedCount ?? 0;
      return { selected, waiting: (sel?.count ?? 0) - selected };
    };
    let selected = 0;
    let waiting = 0;
    for (const pa of al.programs) {
      const p = picked(pa);
      selected += p.selected;
      waiting += p.waiting;
      rows.push([
        pa.program.code,
        pa.program.name,
        `${pa.applicants}/${pa.program.quota ?? "-"}/${p.selected}/${p.waiting}`,
        formatYuan(pa.costFen),
        ...pa.shares.map((s) => formatYuan(s.fen)),
        pa.transportFen > 0n ? `${formatYuan(pa.transportFen)}（${pa.transportPayer}）` : "0.00",
      ]);
    }
    const people = al.programs.reduce((n, pa) => n + pa.applicants, 0);
    const quota = al.programs.reduce((n, pa) => n + (pa.program.quota ?? 0), 0);
    rows.push([
      "合计",
      "",
      `${people}/${quota}/${selected}/${waiting}`,
      formatYuan(al.costFen),
      ...al.payers.map((p) => formatYuan(al.sharesByPayer.get(p) ?? 0n)),
      formatYuan(al.transportFen),
    ]);
    rows.push([
      "含交通费",
      "",
      "",
      "",
      ...al.payers.map((p) => formatYuan(al.byPayer.get(p) ?? 0n)),
      "",
    ]);
    lines.push(table(rows));
    const over = a.selection.filter((s) => s.oversubscribed).map((s) => s.program.code);
    if (over.length > 0)
      lines.push(
        `报名超过名额：${over.join("、")}，已按优先顺序确定入选，其余列为候补（见“名额与候补”表）。`
      );
    lines.push(`${al.ownUnion}承担合计：${formatYuan(al.ownTotalFen)} 元`);
    if (al.budget) {
      const b = al.budget;
      const src = b.sources.map((s) => `${s.name} ${formatYuan(s.fen)}`).join(" + ");
      lines.push(`资金来源：${src} = ${formatYuan(b.totalFen)} 元`);
      lines.push(
        `差额（来源－承担）：${formatYuan(b.differenceFen)} 元${b.differenceFen < 0n ? "（超支）" : ""}`
      );
    }
  }
  lines.push(`校验：错误 ${a.errorCount} 个，警告 ${a.warningCount} 个`);
  return lines.join("\n");
}

export function formatIssues(issues: Issue[], max: number): string {
  const byCode = new Map<IssueCode, number>();
  for (const i of issues) byCode.set(i.code, (byCode.get(i.code) ?? 0) + 1);
  const lines = [[...byCode].map(([c, n]) => `${c}（${TITLE[c]}）×${n}`).join("；")];
  for (const i of issues.slice(0, max)) {
    const cell = issueCell(i);
    const where = cell ? `${i.sheet}!${cell}` : i.sheet;
    lines.push(`  [${SEVERITY_LABEL[i.severity]}] ${i.code} ${where}：${i.message}`);
  }
  if (issues.length > max)
    lines.push(`  ……另有 ${issues.length - max} 条，完整列表见输出的“校验结果”表或 --json 报告。`);
  return lines.join("\n");
}
