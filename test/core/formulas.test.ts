// The formula test: the 经费分摊表 written to a file, evaluated by HyperFormula over the same
// workbook, equals the engine's figures (toReportJson) to the fen — for the sample and for
// random workbooks from a seeded generator (headcounts incl. 0, amounts with fen, share mixes
// of amounts, fractions, percentages, 全额, 其余 and blanks, programmes named by code or name in
// any case with stray spaces, with and without a budget, odd sheet names).
import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import type { Cell } from "../../src/core/types";
import { analyse, planSheets, toReportJson, ReportJson, Analysis } from "../../src/core/engine";
import type { SheetPlan } from "../../src/core/plan";
import { XlsxWorkbook } from "../../src/xlsx/workbook";
import { addSheet } from "../../scripts/book-spec";
import { checkDigit } from "../../src/core/idcard";
import { rng, pick } from "../../scripts/sample-data";
import { evaluateWorkbook, EvaluatedWorkbook, HfValue } from "../helpers/hyperformula";
import { a1 } from "../../src/core/a1";

const TODAY = { y: 2024, m: 5, d: 1 };
const SAMPLE = path.resolve(__dirname, "../../assets/sample-2024.xlsx");

interface Generated {
  analysis: Analysis;
  report: ReportJson;
  plan: SheetPlan;
  ev: EvaluatedWorkbook;
}

/** Read an .xlsx, analyse it, write the plan sheets into it, save, and evaluate the saved file. */
async function generate(input: Buffer): Promise<Generated> {
  const book = await XlsxWorkbook.fromBuffer(input);
  const analysis = analyse(await book.readWorkbook(), { today: TODAY });
  const plans = planSheets(analysis);
  const written = await book.writeSheets([plans.allocation!, plans.report]);
  expect(written[0].name).toBe("经费分摊表");
  const ev = await evaluateWorkbook(await book.toBuffer());
  return { analysis, report: toReportJson(analysis), plan: plans.allocation!, ev };
}

const fen = (v: HfValue | number | undefined): number | string =>
  typeof v === "number" ? Math.round(v * 100) : JSON.stringify(v);

/** Every figure of the JSON report against the evaluated sheet, found by the row labels. */
function compare(g: Generated, label: string): void {
  const { ev, report } = g;
  const al = report.allocation!;
  const values = ev.sheetValues("经费分摊表");
  const S = "经费分摊表";
  const header = values[2].map((v) => String(v ?? ""));
  const col = (title: string) => {
    const c = header.indexOf(title);
    expect([label, title, c >= 0]).toEqual([label, title, true]);
    return c;
  };
  const at = (r: number, c: number) => ev.value(S, a1(r, c));
  const rowOf = (text: string) => values.findIndex((row) => row[0] === text);
  const own = al.ownUnion;
  const payers = Object.keys(al.totals.byPayer);
  const got: unknown[] = [];
  const want: unknown[] = [];
  const check = (what: string, v: HfValue, expected: number) => {
    got.push([what, fen(v)]);
    want.push([what, fen(expected)]);
  };

  al.programs.forEach((p, k) => {
    const r = 3 + k;
    expect([label, at(r, 0)]).toEqual([label, p.code]);
    check(`${p.code} 人数`, at(r, col("人数")), p.headcount);
    check(`${p.code} 人均`, at(r, col("人均标准")), p.perPerson);
    check(`${p.code} 费用`, at(r, col("费用合计")), p.cost);
    for (const payer of payers)
      check(`${p.code} ${payer}`, at(r, col(payer + "承担")), p.shares[payer] ?? 0);
    check(`${p.code} 交通`, at(r, col("往返交通费")), p.transport);
    check(
      `${p.code} 本级合计`,
      at(r, col(`${own}合计`)),
      (p.shares[own] ?? 0) + (p.transportPayer === own ? p.transport : 0)
    );
    if (p.quota !== null) check(`${p.code} 名额`, at(r, col("名额")), p.quota);
  });
  const tr = rowOf("合计");
  check("合计 费用", at(tr, col("费用合计")), al.totals.cost);
  check("合计 交通", at(tr, col("往返交通费")), al.totals.transport);
  check(
    "合计 人数",
    at(tr, col("人数")),
    al.programs.reduce((n, p) => n + p.headcount, 0)
  );
  const wr = rowOf("各方承担合计（含往返交通费）");
  for (const payer of payers)
    check(`含交通 ${payer}`, at(wr, col(payer + "承担")), al.totals.byPayer[payer]);
  const ownRow = rowOf(`${own}承担合计`);
  check("本级承担合计", at(ownRow, 2), al.totals.byPayer[own]);
  if (al.budget) {
    for (const s of al.budget.sources) check(`来源 ${s.name}`, at(rowOf(s.name), 2), s.amount);
    check("来源合计", at(rowOf("资金来源合计"), 2), al.budget.total);
    check("差额", at(rowOf("差额（来源－承担，负数为超支）"), 2), al.budget.difference);
  } else {
    expect(rowOf("资金来源合计")).toBe(-1);
  }
  expect([label, got]).toEqual([label, want]);

  // And every formula cell of the plan evaluates to the value the engine wrote beside it.
  const mismatches: unknown[] = [];
  g.plan.cells.forEach((row, r) =>
    row.forEach((pc, c) => {
      if (!pc || !("formula" in pc)) return;
      const v = at(r, c);
      const ok =
        typeof pc.value === "number"
          ? typeof v === "number" && Math.abs(v - pc.value) < 5e-7
          : v === pc.value;
      if (!ok) mismatches.push([a1(r, c), pc.formula, pc.value, v]);
    })
  );
  expect([label, mismatches]).toEqual([label, []]);
}

describe("the sample's 经费分摊表, evaluated, equals the engine to the fen", () => {
  it("sample-2024.xlsx", async () => {
    const g = await generate(fs.readFileSync(SAMPLE));
    compare(g, "sample");
    expect(g.ev.value("经费分摊表", "I10")).toBe(132093.34);
  });
});

describe("half a fen rounds away from zero in the formulas as in the engine", () => {
  // 27 × 2,680.99 = 72,386.73; a sixth is 12,064.455 exactly, which floating point holds as
  // 12,064.4549999…: ROUND(F*1/6,2) gave 12,064.45 in HyperFormula while the engine says .46.
  it.each([
    ["a 1/6 typed as text", "1/6", undefined],
    ["a 1/6 number shown as a fraction", 1 / 6, "# ?/?"],
    ["a 50% typed as text", "50%", undefined],
    ["a 0.5 number shown as a percentage", 0.5, "0%"],
  ])("%s", async (_label, share, numFmt) => {
    const wb = new ExcelJS.Workbook();
    const header: Cell[] = [
      "项目编号",
      "项目名称",
      "名额",
      "人均标准",
      "省总工会承担",
      "区总工会承担",
      "往返交通费",
      "交通费承担方",
    ];
    const per = 2680.99;
    const rates = addSheet(wb, {
      name: "项目费率",
      header,
      rows: [["N1", "市内疗休养", 100, per, share, "其余", 0, "区总工会"]],
    });
    if (numFmt) rates.getCell("E2").numFmt = numFmt;
    const people = Array.from(
      { length: share === "50%" || share === 0.5 ? 1 : 27 },
      (_, i) => [i + 1, "某" + i, null, "单位", "是", "职工", "N1"] as Cell[]
    );
    addSheet(wb, {
      name: "花名册",
      header: ["序号", "姓名", "身份证号", "工作单位", "是否会员", "人员类别", "疗休养项目"],
      rows: people,
    });
    const g = await generate(Buffer.from(await wb.xlsx.writeBuffer()));
    const n1 = g.report.allocation!.programs[0];
    if (people.length === 27) expect(n1.shares).toEqual({ 省总工会: 12064.46, 区总工会: 60322.27 });
    else expect(n1.shares).toEqual({ 省总工会: 1340.5, 区总工会: 1340.49 });
    compare(g, String(share));
  });
});

describe("programme spellings that could be counted twice", () => {
  async function twoProgrammes(rates: Cell[][], roster: Cell[]) {
    const wb = new ExcelJS.Workbook();
    addSheet(wb, {
      name: "项目费率",
      header: [
        "项目编号",
        "项目名称",
        "名额",
        "人均标准",
        "省总工会承担",
        "区总工会承担",
        "往返交通费",
        "交通费承担方",
      ],
      rows: rates,
    });
    addSheet(wb, {
      name: "花名册",
      header: ["序号", "姓名", "身份证号", "工作单位", "是否会员", "人员类别", "疗休养项目"],
      rows: roster.map((p, i) => [i + 1, "某" + i, null, "单位", "是", "职工", p]),
    });
    const g = await generate(Buffer.from(await wb.xlsx.writeBuffer()));
    compare(g, "two programmes");
    return g.report.allocation!.programs.map((p) => [p.code, p.headcount]);
  }
  it("two batches with the same name: the name counts for the first only, as in the engine", async () => {
    const rows: Cell[][] = [
      ["W1", "一线职工疗休养", 50, 3000, 2200, "其余", 4000, "区总工会"],
      ["W1B", "一线职工疗休养", 50, 3000, 2200, "其余", 4000, "区总工会"],
    ];
    expect(
      await twoProgrammes(rows, ["W1", "W1B", "一线职工疗休养", "W1B", "一线职工疗休养 "])
    ).toEqual([
      ["W1", 3],
      ["W1B", 2],
    ]);
  });
  it("a programme whose name is another's code: the code wins", async () => {
    const rows: Cell[][] = [
      ["A", "市内疗休养", 50, 2680, "1/3", "其余", 0, "区总工会"],
      ["B", "A", 50, 3000, 2200, "其余", 0, "区总工会"],
    ];
    expect(await twoProgrammes(rows, ["A", "A", "B", "市内疗休养"])).toEqual([
      ["A", 3],
      ["B", 1],
    ]);
  });
});

// ---- the generator ---------------------------------------------------------------------------

const BODIES = ["省总工会", "市总工会", "区总工会", "企业", "行业工会"];
const NAMES = [
  "一线职工疗休养",
  "技能人才疗休养",
  "灵活就业疗休养",
  "困难职工疗休养",
  "市内疗休养",
  "劳模疗休养",
  "Worker Rest",
  "康养 计划",
];

interface ShareCellSpec {
  value: Cell;
  numFmt?: string;
}

/** A random split of `perFen` between `n` payers, in one of the ways staff write it. */
function shareMix(r: () => number, perFen: number, n: number): ShareCellSpec[] {
  const blank = (): ShareCellSpec => ({ value: null });
  const out: ShareCellSpec[] = Array.from({ length: n }, blank);
  const slots = [...Array(n).keys()].sort(() => r() - 0.5);
  const yuan = (f: number) => f / 100;
  const kind = pick(r, [
    "amounts",
    "fractions",
    "percents",
    "full",
    "rest-amount",
    "rest-fraction",
    "mixed",
    "thirds",
    "blank-rest",
    "numeric-fractions",
    "numeric-percents",
  ] as const);
  const fractionSets = [
    ["1/3", "1/3", "1/3"],
    ["1/4", "1/4", "1/2"],
    ["1/6", "1/3", "1/2"],
    ["2/3", "1/3"],
    ["1/6", "1/6", "2/3"],
    ["1/4", "3/4"],
    ["1/6", "5/6"],
  ];
  const percentSets = [
    ["50%", "25%", "25%"],
    ["30%", "70%"],
    ["33.33%", "33.33%", "33.34%"],
    ["12.5%", "87.5%"],
    ["10%", "20%", "70%"],
    ["100%"],
  ];
  // With fewer payers than values, keep the 其余 (the last value) so the mix still adds up.
  const put = (vals: ShareCellSpec[]) =>
    (vals.length <= n ? vals : [...vals.slice(0, n - 1), vals[vals.length - 1]]).forEach(
      (v, i) => (out[slots[i]] = v)
    );
  // A bare number below 1 reads as a ratio (DOMAIN: no one pays 0.33 元 a head), so amounts are 0 or ≥ 1 元.
  const amount = (f: number) => (f < 100 ? 0 : f);
  switch (kind) {
    case "amounts": {
      // Random amounts with fen that add up to the per-person cost.
      let left = perFen;
      const vals: ShareCellSpec[] = [];
      for (let i = 0; i < n - 1; i++) {
        const a = amount(Math.floor(r() * left));
        vals.push({ value: r() < 0.3 ? `${yuan(a).toFixed(2)}元` : yuan(a) });
        left -= a;
      }
      vals.push({ value: left > 0 && left < 100 ? `${yuan(left).toFixed(2)}元` : yuan(left) });
      put(vals);
      break;
    }
    case "fractions": {
      const set = pick(
        r,
        fractionSets.filter((s) => s.length <= n)
      );
      put(set.map((v) => ({ value: v })));
      break;
    }
    case "numeric-fractions": {
      const set = pick(
        r,
        fractionSets.filter((s) => s.length <= n)
      );
      put(
        set.map((v) => ({
          value: Number(v.split("/")[0]) / Number(v.split("/")[1]),
          numFmt: pick(r, ["# ?/?", "?/?", "# ??/??"]),
        }))
      );
      break;
    }
    case "percents": {
      const set = pick(
        r,
        percentSets.filter((s) => s.length <= n)
      );
      put(set.map((v) => ({ value: v })));
      break;
    }
    case "numeric-percents": {
      const set = pick(
        r,
        percentSets.filter((s) => s.length <= n)
      );
      put(
        set.map((v) => ({
          value: Number(v.replace("%", "")) / 100,
          numFmt: pick(r, ["0%", "0.00%"]),
        }))
      );
      break;
    }
    case "full":
      put([{ value: pick(r, ["全额", "100%"]) }]);
      break;
    case "rest-amount": {
      const a = amount(Math.floor(r() * perFen));
      put([{ value: yuan(a) }, { value: "其余" }]);
      break;
    }
    case "rest-fraction":
      put([
        { value: pick(r, ["1/3", "1/6", "1/7", "2/9", "35%", "12.5%"]) },
        { value: pick(r, ["1/3", "1/4", "1/6", "11%"]) },
        { value: "其余" },
      ]);
      break;
    case "mixed": {
      const a = amount(Math.floor(r() * perFen * 0.4));
      put([
        { value: yuan(a) },
        { value: pick(r, ["1/3", "1/4", "25%", "1/6"]) },
        { value: "其余" },
      ]);
      break;
    }
    case "thirds":
      put(
        n >= 3
          ? [{ value: "1/3" }, { value: "1/3" }, { value: pick(r, ["其余", "1/3"]) }]
          : [{ value: "1/3" }, { value: "其余" }]
      );
      break;
    case "blank-rest":
      put([{ value: "其余" }]);
      break;
  }
  return out;
}

interface RandomBook {
  wb: ExcelJS.Workbook;
  headcounts: number[];
  /** Programmes whose shares were written wrong on purpose (RATE_INVALID / RATE_SHARES_MISMATCH). */
  broken: number;
}

function randomBook(seed: number): RandomBook {
  const r = rng(seed);
  const nPayers = 2 + Math.floor(r() * 3);
  const payers = BODIES.slice(0, nPayers);
  const nProg = 1 + Math.floor(r() * 6);
  let broken = 0;
  const rosterName = pick(r, ["花名册", "It's 名单", "参加 人员", "Sheet1"]);
  const ratesName = pick(r, ["项目费率", "Bob's 费率", "费率 表", "标准"]);
  const rateHeader: Cell[] = [
    "项目编号",
    "项目名称",
    "名额",
    "人均标准（元）",
    ...payers.map((p) => p + "承担"),
    "往返交通费",
    "交通费承担方",
    "须为会员",
  ];
  const rateRows: Cell[][] = [];
  const shareFormats: { row: number; col: number; fmt: string }[] = [];
  const programs: { code: Cell; name: string }[] = [];
  for (let k = 0; k < nProg; k++) {
    const code: Cell = r() < 0.15 ? 100 + k : pick(r, ["W", "N", "Ab", "x"]) + (k + 1);
    // Sometimes a second batch under the same name as the one before (the name then means the first).
    const name =
      k > 0 && r() < 0.15 ? programs[k - 1].name : NAMES[k] + (r() < 0.3 ? String(k) : "");
    programs.push({ code, name });
    const perFen =
      pick(r, [300000, 268000, 450000, 123456, 99999, 1, 268037, 3333]) +
      (r() < 0.3 ? Math.floor(r() * 100) : 0);
    let shares = shareMix(r, perFen, nPayers);
    if (r() < 0.08) {
      // Generated anyway (--force): each payer keeps its own figure, no one absorbs the gap.
      broken++;
      shares = pick<ShareCellSpec[]>(r, [
        [{ value: perFen / 200 }, { value: 1 }],
        [{ value: "1/3" }, { value: "1/3" }],
        [{ value: "abc" }, { value: "其余" }],
        [{ value: "其余" }, { value: "其余" }],
        [{ value: "60%" }, { value: "1/2" }],
        [{ value: -3000 }, { value: "其余" }],
        [{ value: 2 }, { value: -0.5, numFmt: "0%" }],
      ])
        .concat(Array.from({ length: nPayers }, () => ({ value: null })))
        .slice(0, nPayers);
    }
    shares.forEach((s, j) => s.numFmt && shareFormats.push({ row: k, col: 4 + j, fmt: s.numFmt }));
    // Digits below the fen are read as Excel rounds them: 1234.565 is 1,234.57.
    const transport = pick(r, [0, 4000, 3000, 1234.56, null, 0.01, 1234.565]);
    const tPayer = pick(r, [...payers, payers[nPayers - 1], "交通局", ` ${payers[0]} `, ""]);
    const perCell = perFen > 1 && r() < 0.1 ? perFen / 100 - 0.005 : perFen / 100;
    rateRows.push([
      code,
      name,
      20 + Math.floor(r() * 60),
      perCell,
      ...shares.map((s) => s.value),
      transport,
      tPayer,
      "否",
    ]);
  }
  const rosterHeader: Cell[] = [
    "序号",
    "姓名",
    "身份证号",
    "工作单位",
    "是否会员",
    "人员类别",
    "疗休养项目",
    "备注",
  ];
  const rosterRows: Cell[][] = [];
  const headcounts = programs.map(() => (r() < 0.2 ? 0 : Math.floor(r() * 60)));
  programs.forEach((p, k) => {
    for (let i = 0; i < headcounts[k]; i++) {
      const nameIsOurs = programs.findIndex((q) => q.name === p.name) === k;
      const ways: Cell[] = nameIsOurs ? [p.code, p.name] : [p.code];
      if (typeof p.code === "string")
        ways.push(p.code.toLowerCase(), p.code.toUpperCase(), p.code + " ", " " + p.code);
      else ways.push(String(p.code));
      if (nameIsOurs) ways.push(p.name + " ");
      rosterRows.push([0, `员工${k}-${i}`, idFor(r), "某单位", "是", "职工", pick(r, ways), ""]);
    }
  });
  // Shuffle people across programmes, then number them.
  rosterRows.sort(() => r() - 0.5).forEach((row, i) => (row[0] = i + 1));
  if (r() < 0.3)
    rosterRows.push(
      [null, null, null, null, null, null, null, null],
      ["合计", null, null, null, null, null, null, null]
    );

  const wb = new ExcelJS.Workbook();
  const hasTitle = r() < 0.7;
  const roster = addSheet(wb, {
    name: rosterName,
    title: hasTitle ? "2024年疗休养花名册" : undefined,
    header: rosterHeader,
    rows: rosterRows,
    textColumns: ["身份证号"],
  });
  // Staff's own formulas: a programme cell computed from text (="W"&"1"), read as its result.
  if (r() < 0.2) {
    roster.eachRow((row, n) => {
      const c = row.getCell(7);
      if (
        n > (hasTitle ? 2 : 1) &&
        typeof c.value === "string" &&
        /^[A-Za-z]+\d+$/.test(c.value) &&
        r() < 0.3
      ) {
        const [, letters, digits] = /^([A-Za-z]+)(\d+)$/.exec(c.value)!;
        c.value = {
          formula: `"${letters}"&"${digits}"`,
          result: c.value,
        } as ExcelJS.CellFormulaValue;
      }
    });
  }
  const rates = addSheet(wb, {
    name: ratesName,
    title: r() < 0.5 ? "项目费率" : undefined,
    header: rateHeader,
    rows: rateRows,
  });
  const rateHeaderRow = rates.getCell("A1").value === "项目费率" ? 2 : 1;
  for (const f of shareFormats) rates.getCell(rateHeaderRow + 1 + f.row, f.col + 1).numFmt = f.fmt;
  // A per-person cost typed as a formula (=2000+680): the allocation refers to its value.
  rateRows.forEach((row, k) => {
    if (r() < 0.15 && typeof row[3] === "number" && row[3] > 1) {
      const whole = Math.floor(row[3]);
      rates.getCell(rateHeaderRow + 1 + k, 4).value = {
        formula: `${whole}+${Number((row[3] - whole).toFixed(3))}`,
        result: row[3],
      } as ExcelJS.CellFormulaValue;
    }
  });
  // Dates make the year; one programme has a window so the sheet has a year.
  rates.getCell(rateHeaderRow, rateHeader.length + 1).value = "开始日期";
  rates.getCell(rateHeaderRow + 1, rateHeader.length + 1).value = new Date(Date.UTC(2024, 5, 1));
  if (r() < 0.6) {
    const inWan = r() < 0.25;
    const sources: Cell[][] = [
      [
        "本级财政预算",
        inWan ? pick(r, [6.4, 1.2345, 0.000001]) : pick(r, [64000, 12345.67, 0.01, 12345.675]),
      ],
      [
        "本级工会经费",
        inWan ? pick(r, [6.8, "2.5678", 13.2]) : pick(r, [68000, "1,000.50元", 99999.99]),
      ],
    ];
    if (r() < 0.3) sources.push(["其他来源", inWan ? 0.05 : 500]);
    addSheet(wb, {
      name: pick(r, ["预算", "资金来源"]),
      header: ["资金来源", inWan ? "金额（万元）" : "金额（元）"],
      rows: sources,
    });
  }
  return { wb, headcounts, broken };
}

function idFor(r: () => number): string {
  const body =
    "530402" +
    String(1970 + Math.floor(r() * 30)) +
    "0" +
    (1 + Math.floor(r() * 9)) +
    "1" +
    Math.floor(r() * 9) +
    String(Math.floor(r() * 1000)).padStart(3, "0");
  return body + checkDigit(body);
}

describe("random workbooks: the evaluated 经费分摊表 equals the engine to the fen", () => {
  const SEEDS = Array.from({ length: Number(process.env.FORMULA_SEEDS ?? 60) }, (_, i) => 7001 + i);
  it.each(SEEDS)("seed %i", async (seed) => {
    const { wb, headcounts, broken } = randomBook(seed);
    const g = await generate(Buffer.from(await wb.xlsx.writeBuffer()));
    const al = g.report.allocation!;
    const structural = g.report.issues.filter(
      (i) =>
        i.code.startsWith("RATE") ||
        i.code === "HEADER_MISSING" ||
        i.code === "SHEET_MISSING" ||
        i.code === "UNKNOWN_PROGRAM"
    );
    if (broken === 0) expect([seed, structural]).toEqual([seed, []]);
    else
      expect([
        seed,
        structural.length > 0,
        structural.filter((i) => i.code !== "RATE_INVALID" && i.code !== "RATE_SHARES_MISMATCH"),
      ]).toEqual([seed, true, []]);
    expect(al.programs.map((p) => p.applicants)).toEqual(headcounts);
    // The places, not the sign-ups: at most 名额 (MIN(count, 名额) in the sheet, compared below).
    expect(al.programs.map((p) => p.headcount)).toEqual(
      headcounts.map((n, k) => Math.min(n, al.programs[k].quota!))
    );
    compare(g, `seed ${seed}`);
  });
});
