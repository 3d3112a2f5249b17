// Properties over random rosters (fast-check): duplicates, quotas and the allocation's sums.
import fc from "fast-check";
import { bookOf, person, run, validId } from "../helpers/books";
import { issueCell } from "../../src/core/a1";

const CODES = ["W1", "W2", "W3", "W4", "N1"] as const;
const QUOTA: Record<string, number> = { W1: 50, W2: 3, W3: 50, W4: 2, N1: 46 };
const fullWidth = (s: string) =>
  s.replace(/[0-9X]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));

// A pool of 8 people's IDs; each row takes one, written in one of the ways staff type it.
const POOL = Array.from({ length: 8 }, (_, i) =>
  validId({ y: 1980 + i, m: 1 + i, d: 10 + i }, i % 2 === 0, "530402", 10 + i)
);
const rowArb = fc.record({
  who: fc.integer({ min: 0, max: POOL.length - 1 }),
  form: fc.constantFrom("plain", "lower", "full", "spaces"),
  code: fc.constantFrom(...CODES),
});
const spell = (id: string, form: string) =>
  form === "lower"
    ? id.toLowerCase()
    : form === "full"
      ? fullWidth(id)
      : form === "spaces"
        ? `  ${id}\u3000`
        : id;

describe("properties of random rosters", () => {
  it("DUPLICATE_ID flags exactly the rows whose person appears more than once, however the ID is typed", () => {
    fc.assert(
      fc.property(fc.array(rowArb, { minLength: 1, maxLength: 20 }), (rows) => {
        const a = run(
          bookOf(
            rows.map((r) => person(r.code, { 身份证号: spell(POOL[r.who], r.form), 性别: null }))
          )
        );
        const times = new Map<number, number>();
        rows.forEach((r) => times.set(r.who, (times.get(r.who) ?? 0) + 1));
        const expected = rows
          .map((r, k) => ((times.get(r.who) ?? 0) > 1 ? `D${k + 3}` : null))
          .filter((x) => x !== null);
        expect(a.issues.filter((i) => i.code === "DUPLICATE_ID").map((i) => issueCell(i))).toEqual(
          expected
        );
      }),
      { numRuns: 60, seed: 2024 }
    );
  });

  it("QUOTA_EXCEEDED flags the rows past each programme's quota, in roster order", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...CODES), { minLength: 0, maxLength: 70 }), (codes) => {
        const a = run(bookOf(codes.map((c) => person(c))));
        const seen = new Map<string, number>();
        const expected: string[] = [];
        codes.forEach((c, k) => {
          const n = (seen.get(c) ?? 0) + 1;
          seen.set(c, n);
          if (n > QUOTA[c]) expected.push(`H${k + 3}`);
        });
        expect(
          a.issues.filter((i) => i.code === "QUOTA_EXCEEDED").map((i) => issueCell(i))
        ).toEqual(expected);
      }),
      { numRuns: 40, seed: 7 }
    );
  });

  it("every programme's shares add up to its cost, and the totals to the sum of the programmes", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...CODES), { maxLength: 160 }), (codes) => {
        const al = run(bookOf(codes.map((c) => person(c)))).allocation!;
        let cost = 0n;
        for (const pa of al.programs) {
          expect(pa.shares.reduce((s, x) => s + x.fen, 0n)).toBe(pa.costFen);
          const applied = codes.filter((c) => c === pa.program.code).length;
          expect(pa.applicants).toBe(applied);
          // The places budgeted: the sign-ups, at most the quota.
          expect(pa.headcount).toBe(Math.min(applied, QUOTA[pa.program.code]));
          cost += pa.costFen;
        }
        expect(al.costFen).toBe(cost);
        const byPayer = [...al.byPayer.values()].reduce((s, x) => s + x, 0n);
        expect(byPayer).toBe(al.costFen + al.transportFen);
      }),
      { numRuns: 40, seed: 11 }
    );
  });
});
