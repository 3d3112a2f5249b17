// npm run generate -- [INPUT.xlsx] [-o OUTPUT.xlsx] [--json REPORT.json] [--force] [--sheets …]
// Exit 0: generated. Exit 1: error-severity issues without --force (report written, no workbook).
// Exit 2: usage error or unreadable input, with a one-line reason.
import * as fs from "fs";
import * as path from "path";
import { toReportJson } from "../core/engine";
import type { Options } from "../core/types";
import { NumericOption, OPTION_BOUNDS, parseNumericOption } from "../core/options";
import { generate } from "../app/actions";
import type { WorkbookPort } from "../app/port";
import { XlsxWorkbook } from "../xlsx/workbook";
import type { DocumentRole } from "../core/generated";
import { DOCUMENT_ROLES } from "../core/generated";
import { sniffWorkbook } from "../app/sniff";
import { formatSummary, formatIssues } from "./summary";
import { writeFileAtomic } from "./files";
import { collectGarbage } from "./memory";

export const SAMPLE_PATH = path.resolve(__dirname, "..", "..", "assets", "sample-2024.xlsx");
const OUTPUT_SUFFIX = ".经费分摊.xlsx";
const LARGE_ROWS = 5000;

export interface CliArgs {
  input: string | null;
  output: string | null;
  json: string | null;
  force: boolean;
  help: boolean;
  options: Options;
  /** --sheets: the lists of the document pack (the allocation and the report are always written). */
  documents: DocumentRole[] | null;
}

export class UsageError extends Error {}

export function parseArgs(argv: string[]): CliArgs {
  const a: CliArgs = {
    input: null,
    output: null,
    json: null,
    force: false,
    help: false,
    options: {},
    documents: null,
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined || v.startsWith("-")) throw new UsageError(`参数 ${arg} 后缺少取值`);
      return v;
    };
    if (arg === "-o" || arg === "--output") a.output = value();
    else if (arg === "--json") a.json = value();
    else if (arg === "--force" || arg === "-f") a.force = true;
    else if (arg === "-h" || arg === "--help") a.help = true;
    else if (arg === "--own-union") a.options.ownUnion = value();
    else if (arg === "--sheets") a.documents = parseSheets(value());
    else if (arg === "--year") a.options.year = numeric("year", arg, value());
    else if (arg === "--near-months")
      a.options.nearRetirementMonths = numeric("nearRetirementMonths", arg, value());
    else if (arg === "--per-year") a.options.perYear = numeric("perYear", arg, value());
    else if (arg === "--history-years")
      a.options.historyYears = numeric("historyYears", arg, value());
    else if (arg === "--daily-cap") a.options.dailyCap = numeric("dailyCap", arg, value());
    else if (arg === "--annual-cap") a.options.annualCap = numeric("annualCap", arg, value());
    else if (arg.startsWith("-")) throw new UsageError(`未知参数：${arg}（用 --help 查看用法）`);
    else if (a.input === null) a.input = arg;
    else throw new UsageError(`只能指定一个输入文件，多出：${arg}`);
  }
  return a;
}

/** The short names --sheets takes. */
export const SHEET_NAMES = ["allocation", "report", ...DOCUMENT_ROLES] as const;

/**
 * --sheets allocation,report,participants,insurance,signin,notice (any order; "all" for every
 * list, "none" for none). The allocation and the report are always written: naming them is
 * allowed, leaving them out does not drop them.
 */
export function parseSheets(v: string): DocumentRole[] {
  const names = v
    .split(/[,，\s]+/)
    .map((x) => x.trim().toLowerCase())
    .filter(Boolean);
  if (names.length === 1 && names[0] === "all") return [...DOCUMENT_ROLES];
  if (names.length === 1 && names[0] === "none") return [];
  const bad = names.filter((n) => !(SHEET_NAMES as readonly string[]).includes(n));
  if (bad.length > 0 || names.length === 0)
    throw new UsageError(
      `--sheets 只能取 ${SHEET_NAMES.join(",")}（或 all、none），无法识别：${bad.join(",") || v}`
    );
  return DOCUMENT_ROLES.filter((r) => names.includes(r));
}

const OPTION_WORDS: Record<NumericOption, (min: number, max: number) => string> = {
  year: () => "应为四位年份",
  nearRetirementMonths: (min, max) => `应为${min}到${max}之间的整数`,
  perYear: (min, max) => `应为${min}到${max}之间的整数`,
  historyYears: (min, max) => `应为${min}到${max}之间的整数`,
  dailyCap: (min, max) => `应为${min}到${max}之间的整数（元）`,
  annualCap: (min, max) => `应为${min}到${max}之间的整数（元）`,
};

/** A numeric option, with the same parsing and bounds as the task pane (src/core/options.ts). */
function numeric(option: NumericOption, flag: string, text: string): number {
  const { value } = parseNumericOption(option, text);
  if (value === undefined) {
    const { min, max } = OPTION_BOUNDS[option];
    throw new UsageError(`${flag} ${OPTION_WORDS[option](min, max)}`);
  }
  return value;
}

export const USAGE = `用法：npm run generate -- [输入.xlsx] [-o 输出.xlsx] [--json 报告.json] [--force] [--sheets 表名,…]
  不指定输入时使用 assets/ 中的样例工作簿。
  -o, --output     输出工作簿（默认：<输入名>${OUTPUT_SUFFIX}，与输入同目录）
  --json           另写一份 JSON 校验与分摊报告
  --force          有错误时仍生成；覆盖已存在的输出文件
  --own-union      本级工会名称（默认从费率表识别）
  --year           疗休养年度（默认取项目开始日期的年份）
  --near-months    “临近退休”的月数（默认24）
  --per-year       每人每年可参加次数（默认1）
  --history-years  历史记录追溯年数：近N年参加过的不再安排（默认0，只看本年度）
  --daily-cap      每人每天费用上限（元，默认不限；天数取费率表“天数”列或开始/结束日期）
  --annual-cap     每人每年费用上限（元，默认不限）
  以上规则也可写在工作簿的“规则”表（两列：规则、值）；命令行参数优先于“规则”表。
  --sheets         要生成的表，逗号分隔：allocation(经费分摊表),report(校验结果),
                   participants(参加人员名单),insurance(意外险投保名单),signin(签到表),
                   notice(公示名单)；也可写 all（全部）或 none。
                   经费分摊表与校验结果总是生成；名单默认不生成
退出码：0 已生成；1 有错误未生成（报告已写出）；2 用法错误或无法读取输入。`;

export function defaultOutput(input: string | null, cwd: string, macros = false): string {
  const suffix = macros ? OUTPUT_SUFFIX.replace(/\.xlsx$/, ".xlsm") : OUTPUT_SUFFIX;
  if (input === null) return path.join(cwd, path.basename(SAMPLE_PATH, ".xlsx") + suffix);
  const ext = path.extname(input);
  return path.join(path.dirname(input), path.basename(input, ext) + suffix);
}

/** Why OUTPUT's extension cannot hold this workbook (the content type must match it), or null. */
export function extensionProblem(output: string, macros: boolean): string | null {
  const ext = path.extname(output).toLowerCase();
  if (macros && ext !== ".xlsm")
    return "输入是启用宏的工作簿（.xlsm），输出文件也须以 .xlsm 结尾（否则 Excel 拒绝打开，或宏丢失）";
  if (!macros && ext === ".xlsm") return "输入不含宏，输出文件应以 .xlsx 结尾";
  return null;
}

/** Why a file cannot be a workbook, from its first bytes; null when it looks like one. */
export function sniff(buf: Buffer): string | null {
  return sniffWorkbook(buf);
}

export interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
  cwd: string;
}

export async function main(argv: string[], io: Io): Promise<number> {
  let args: CliArgs;
  try {
    args = parseArgs(argv);
  } catch (e) {
    io.err(`错误：${(e as Error).message}`);
    return 2;
  }
  if (args.help) {
    io.out(USAGE);
    return 0;
  }
  const input = path.resolve(io.cwd, args.input ?? SAMPLE_PATH);
  const wanted = path.resolve(
    io.cwd,
    args.output ?? defaultOutput(args.input ? input : null, io.cwd, /\.xlsm$/i.test(input))
  );
  if (samePath(input, wanted)) {
    io.err("错误：输出文件不能与输入文件相同（输入文件从不被改写）");
    return 2;
  }

  let buf: Buffer;
  try {
    buf = fs.readFileSync(input);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    io.err(
      `错误：无法读取输入文件 ${input}（${code === "ENOENT" ? "文件不存在" : code === "EISDIR" ? "这是一个文件夹" : (code ?? "未知原因")}）`
    );
    return 2;
  }
  const why = sniff(buf);
  if (why) {
    io.err(`错误：无法读取 ${path.basename(input)}：${why}`);
    return 2;
  }
  const large = buf.length > 2_000_000;
  if (large) io.err(`读取 ${path.basename(input)}（${(buf.length / 1e6).toFixed(1)} MB）…`);
  let book: XlsxWorkbook;
  try {
    book = await XlsxWorkbook.fromBuffer(buf);
  } catch (e) {
    io.err(
      `错误：无法读取 ${path.basename(input)}：工作簿已损坏或不是 .xlsx 格式（${oneLine(e)}）`
    );
    return 2;
  }
  // A zip that holds no worksheet (a renamed .docx or .zip) is not a workbook: say so instead
  // of reporting every sheet as missing.
  if (book.sheetNames.length === 0) {
    io.err(`错误：无法读取 ${path.basename(input)}：不是 .xlsx 工作簿（压缩包中没有工作表）`);
    return 2;
  }
  // A macro-enabled input gives a macro-enabled output, named so (the content type matches).
  const output = args.output
    ? wanted
    : defaultOutput(args.input ? input : null, io.cwd, book.macroEnabled);
  const badExt = samePath(input, output)
    ? "输出文件不能与输入文件相同（输入文件从不被改写）"
    : extensionProblem(output, book.macroEnabled);
  if (badExt) {
    io.err(`错误：${badExt}`);
    return 2;
  }
  // The port, with what the command line adds: memory released after reading, progress lines.
  let rows = 0;
  const busy = () => large || rows > LARGE_ROWS;
  const port: WorkbookPort = {
    readWorkbook: async () => {
      const data = await book.readWorkbook();
      // Only the file is needed from here on (the output is the input plus two sheets): let
      // the in-memory workbook go before checking a large roster.
      if (book.release()) collectGarbage();
      rows = data.sheets.reduce((n, s) => n + s.values.length, 0);
      if (busy())
        io.err(
          `已读取 ${data.sheets.length} 个工作表、${rows.toLocaleString("en-US")} 行，正在校验…`
        );
      return data;
    },
    writeSheets: (plans) => {
      if (busy()) {
        io.err("正在写入输出工作簿…");
        collectGarbage(); // the checking's garbage, before rendering the generated sheets
      }
      return book.writeSheets(plans);
    },
    replaceMarks: (issues) => book.replaceMarks(issues),
    clearMarks: () => book.clearMarks(),
  };
  const exists = () => fs.existsSync(output) && !args.force;
  const result = await generate(port, args.options, {
    force: args.force,
    mayWrite: () => !exists(),
    ...(args.documents ? { documents: args.documents } : {}),
  });
  const { analysis } = result;
  // The output file is made before the report, which says how it was saved.
  let out: Buffer | null = null;
  if (!result.blockedBy) {
    try {
      out = await book.toBuffer();
    } catch (e) {
      io.err(`错误：无法生成输出文件 ${output}（${oneLine(e)}）`);
      return 2;
    }
  }
  const save = out
    ? {
        file: output,
        mode: book.saveMode,
        ...(book.saveWarning ? { warning: book.saveWarning } : {}),
      }
    : null;

  if (args.json) {
    try {
      writeFileAtomic(
        path.resolve(io.cwd, args.json),
        JSON.stringify({ ...toReportJson(analysis), output: save }, null, 2) + "\n"
      );
    } catch (e) {
      io.err(`错误：无法写入报告 ${args.json}（${oneLine(e)}）`);
      return 2;
    }
  }
  io.out(formatSummary(analysis));
  if (analysis.issues.length > 0) io.out(formatIssues(analysis.issues, 30));

  if (result.blockedBy === "noRates") {
    io.out(`未生成：缺少“项目费率”表，无法计算分摊。`);
    return 1;
  }
  if (result.blockedBy === "errors") {
    io.out(
      `未生成：发现 ${analysis.errorCount} 个错误。请修正后重试，或加 --force 仍然生成（表中会标注警示）。`
    );
    return 1;
  }
  if (result.blockedBy === "caller") {
    io.err(`错误：输出文件已存在：${output}（加 --force 覆盖）`);
    return 2;
  }
  const { written } = result;
  try {
    writeFileAtomic(output, out!);
  } catch (e) {
    io.err(`错误：无法写入输出文件 ${output}（${oneLine(e)}）`);
    return 2;
  }
  for (const w of written) {
    if (w.renamed) io.out(`注意：工作簿中已有同名的用户工作表，生成的表改名为“${w.name}”。`);
  }
  if (book.saveWarning) io.err(`注意：${book.saveWarning}`);
  io.out(`已生成：${output}（${written.map((w) => w.name).join("、")}）`);
  return 0;
}

function samePath(a: string, b: string): boolean {
  const real = (p: string) => {
    try {
      return fs.realpathSync(p);
    } catch {
      return path.resolve(p);
    }
  };
  return real(a) === real(b);
}

function oneLine(e: unknown): string {
  return String((e as Error)?.message ?? e)
    .split("\n")[0]
    .slice(0, 200);
}

/** Run as a program: the arguments after the script, exit with main's code. */
export function runCli(): void {
  main(process.argv.slice(2), {
    out: (s) => process.stdout.write(s + "\n"),
    err: (s) => process.stderr.write(s + "\n"),
    cwd: process.env.INIT_CWD ?? process.cwd(),
  }).then(
    (code) => process.exit(code),
    (e) => {
      process.stderr.write(`错误：${oneLine(e)}\n`);
      process.exit(2);
    }
  );
}

if (require.main === module) runCli();
