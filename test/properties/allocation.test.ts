// Properties of the money: for random programmes (per-person costs with odd fen, headcounts
// from 0, share layouts of amounts, fractions, percentages, 全额 and 其余 that add up), every
// programme's shares add up to its cost to the fen; and the 经费分摊表's formulas, evaluated by
// HyperFormula, give the engine's figures to the fen.
import fc from "fast-check";
import type { Cell, SheetData, WorkbookData } from "../../src/core/types";
import { analyse, planSheets } from "../../src/core/engine";
import { XlsxWorkbook } from "../../src/xlsx/workbook";
import { buildWorkbook } from "../../scripts/book-spec";
import { RATE_HEADER } from "../../scripts/sample-data";
import { evaluateWorkbook } from "../helpers/hyperformula";
import { a1 } from "../../src/core/a1";
import { dayToSerial } from "../../src/core/dates";

const TODAY = { y: 2024, m: 5, d: 1 };
const PAYERS = ["省总工会", "市总工会", "高新区总工会"];
const ROSTER_HEADER = ["姓名", "身份证号", "工作单位", "是否会员", "人员类别", "疗休养项目"];

interface Prog {
  code: string;
  name: string;
  perFen: number;
  shares: Cell[]; // one per payer
  transportFen: number;
  spellings: string[]; // how each person in the roster writes the programme
}

/** Share layouts that add up to the per-person cost by construction. */
const layout = (perFen: number): fc.Arbitrary<Cell[]> =>
  fc.oneof(
    // amounts in 元 with fen, the last payer taking the rest of the cost exactly
    fc.tuple(fc.integer({ min: 0, max: perFen }), fc.nat()).map(([a, b]) => {
      const second = perFen - a === 0 ? 0 : b % (perFen - a + 1);
      // A number between 0 and 1 in a share cell reads as a ratio (DOMAIN: nobody pays 0.33 元 a
      // head), so amounts below 1 元 are typed as text.
      return [a / 100, second / 100, (perFen - a - second) / 100].map((x, i) =>
        i === 1 && x === 0 ? null : x > 0 && x < 1 ? String(x) : x
      );
    }),
    // fractions, 其余 for the last
    fc
      .tuple(
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 0, max: 12 }),
        fc.integer({ min: 0, max: 12 })
      )
      .map(([den, a, b]) => {
        const n1 = Math.min(a, den);
        const n2 = Math.min(b, den - n1);
        return [`${n1}/${den}`, `${n2}/${den}`, "其余"];
      }),
    // thirds without 其余: the rounding remainder goes to the own union
    fc.constant<Cell[]>(["1/3", "1/3", "1/3"]),
    // percentages with two decimals, adding to 100% exactly
    fc.tuple(fc.integer({ min: 0, max: 10000 }), fc.nat()).map(([p, q]) => {
      const p2 = q % (10001 - p);
      return [`${p / 100}%`, `${p2 / 100}%`, `${(10000 - p - p2) / 100}%`];
    }),
    // 全额 from one payer
    fc.nat({ max: 2 }).map((k) => PAYERS.map((_, i) => (i === k ? "全额" : null))),
    // a ratio as a number below 1 and 其余
    fc.integer({ min: 1, max: 99 }).map((p) => [p / 100, null, "其余"])
  );

const prog = (k: number): fc.Arbitrary<Prog> =>
  fc.integer({ min: 1, max: 1_000_000 }).chain((perFen) =>
    fc.record({
      code: fc.constant(`P${k + 1}`),
      name: fc.constant(`项目${"甲乙丙丁"[k]}`),
      perFen: fc.constant(perFen),
      shares: layout(perFen),
      transportFen: fc.integer({ min: 0, max: 500_000 }),
      spellings: fc.array(fc.constantFrom("code", "lower", "name", "padded", "fullwidth"), {
        maxLength: 25,
      }),
    })
  );

const programmes = fc
  .integer({ min: 1, max: 4 })
  .chain((n) => fc.tuple(...Array.from({ length: n }, (_, k) => prog(k))));

function spell(p: Prog, how: string): string {
  switch (how) {
    case "lower":
      return p.code.toLowerCase();
    case "name":
      return p.name;
    case "padded":
      return ` ${p.code} `;
    case "fullwidth":
      return p.code.replace(/[0-9A-Z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
    default:
      return p.code;
  }
}

function rateRows(progs: Prog[]): Cell[][] {
  const s = dayToSerial({ y: 2024, m: 6, d: 1 });
  const e = dayToSerial({ y: 2024, m: 12, d: 31 });
  return progs.map((p) => [
    p.code,
    p.name,
    "市外",
    "某地",
    s,
    e,
    999,
    p.perFen / 100,
    ...p.shares,
    p.transportFen / 100,
    "高新区总工会",
    "",
    "",
    "否",
  ]);
}
function rosterRows(progs: Prog[]): Cell[][] {
  return progs.flatMap((p) =>
    p.spellings.map(
      (how, i) => [`某${p.code}${i}`, "", "某单位", "是", "职工", spell(p, how)] as Cell[]
    )
  );
}

function memoryBook(progs: Prog[]): WorkbookData {
  const sheet = (name: string, header: Cell[], rows: Cell[][]): SheetData => ({
    name,
    values: [header, ...rows],
  });
  return {
    sheets: [
      sheet("花名册", ROSTER_HEADER, rosterRows(progs)),
      sheet("项目费率", RATE_HEADER, rateRows(progs)),
    ],
  };
}

describe("every programme's shares add up to its cost, to the fen", () => {
  it("for random programmes, headcounts and share layouts", () => {
    fc.assert(
      fc.property(programmes, (progs) => {
        const a = analyse(memoryBook(progs), { today: TODAY });
        // The layouts add up by construction: the engine agrees (no share or rate issue).
        expect(a.issues.filter((i) => i.sheet === "项目费率")).toEqual([]);
        progs.forEach((p, k) => {
          const pa = a.allocation!.programs[k];
          expect(pa.headcount).toBe(p.spellings.length);
          expect(pa.costFen).toBe(BigInt(p.perFen) * BigInt(p.spellings.length));
          expect(pa.shares.reduce((s, x) => s + x.fen, 0n)).toBe(pa.costFen);
          // Only the payer taking the rounding remainder can go below zero (see the edge case
          // below); nobody else is ever negative.
          for (const s of pa.shares) if (!s.remainder) expect(s.fen >= 0n).toBe(true);
        });
      }),
      { numRuns: 500, seed: 31 }
    );
  });

  it("documented edge: 1/2 + 1/2 + 其余 on an odd number of fen leaves 其余 at −0.01 元 (still adding up)", () => {
    const p: Prog = {
      code: "P1",
      name: "项目甲",
      perFen: 301,
      shares: ["1/2", "1/2", "其余"],
      transportFen: 0,
      spellings: ["code"],
    };
    const pa = analyse(memoryBook([p]), { today: TODAY }).allocation!.programs[0];
    expect(pa.shares.map((s) => s.fen)).toEqual([151n, 151n, -1n]);
    expect(pa.shares.reduce((a, s) => a + s.fen, 0n)).toBe(301n);
  });
});

describe("the formulas compute the engine's figures (HyperFormula)", () => {
  it("for random programmes and roster spellings", async () => {
    await fc.assert(
      fc.asyncProperty(programmes, async (progs) => {
        const wb = buildWorkbook([
          { name: "花名册", header: ROSTER_HEADER, rows: rosterRows(progs) },
          {
            name: "项目费率",
            header: RATE_HEADER,
            rows: rateRows(progs),
            dateColumns: ["开始日期", "结束日期"],
          },
        ]);
        const x = new XlsxWorkbook(wb);
        const a = analyse(await x.readWorkbook(), { today: TODAY });
        const plans = planSheets(a);
        await x.writeSheets([plans.allocation!, plans.report]);
        const ev = await evaluateWorkbook(await x.toBuffer());
        const S = "经费分摊表";
        const vals = ev.sheetValues(S);
        const header = vals[2].map(String);
        const fen = (r: number, title: string) => {
          const c = header.indexOf(title);
          expect([title, c >= 0]).toEqual([title, true]);
          const v = ev.value(S, a1(r, c));
          expect([title, r, typeof v]).toEqual([title, r, "number"]);
          return BigInt(Math.round((v as number) * 100));
        };
        const al = a.allocation!;
        al.programs.forEach((pa) => {
          const r = vals.findIndex((row) => row[0] === pa.program.code);
          const count = ev.value(S, a1(r, header.indexOf("人数")));
          expect([pa.program.code, count]).toEqual([pa.program.code, pa.headcount]);
          expect([pa.program.code, "cost", fen(r, "费用合计")]).toEqual([
            pa.program.code,
            "cost",
            pa.costFen,
          ]);
          for (const s of pa.shares)
            expect([pa.program.code, s.payer, fen(r, s.payer + "承担")]).toEqual([
              pa.program.code,
              s.payer,
              s.fen,
            ]);
          expect(fen(r, "往返交通费")).toBe(pa.transportFen);
          expect(fen(r, `${al.ownUnion}合计`)).toBe(
            (pa.shares.find((s) => s.payer === al.ownUnion)?.fen ?? 0n) +
              (pa.transportPayer === al.ownUnion ? pa.transportFen : 0n)
          );
        });
        const tr = vals.findIndex((row) => row[0] === "合计");
        expect(fen(tr, "费用合计")).toBe(al.costFen);
        expect(fen(tr, `${al.ownUnion}合计`)).toBe(al.ownTotalFen);
        const wr = tr + 1;
        for (const p of al.payers) expect([p, fen(wr, p + "承担")]).toEqual([p, al.byPayer.get(p)]);
      }),
      { numRuns: 30, seed: 2024 }
    );
  });
});
