// Properties of resident ID checks (GB 11643): normalisation is idempotent, and the check digit
// catches every single-character error in a valid ID. Documented here, found by exhaustive
// search: the weights repeat with period 10 (position k and k+10 have the same weight), so
// swapping the 1st↔11th … 7th↔17th characters is the one simple error the check digit misses.
import fc from "fast-check";
import { checkDigit, checkId, normaliseId } from "../../src/core/idcard";
import { isValidDay } from "../../src/core/dates";

const TODAY = { y: 2026, m: 1, d: 1 };
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

const digits = (n: number) =>
  fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n }).map((d) => d.join(""));
/** A valid 18-character ID: any region, a real birth date between 1900 and 2024, any order code. */
export const validId = fc
  .record({
    region: digits(6),
    y: fc.integer({ min: 1900, max: 2024 }),
    m: fc.integer({ min: 1, max: 12 }),
    d: fc.integer({ min: 1, max: 31 }),
    order: digits(3),
  })
  .filter((r) => isValidDay(r.y, r.m, r.d))
  .map((r) => {
    const body =
      r.region + r.y + String(r.m).padStart(2, "0") + String(r.d).padStart(2, "0") + r.order;
    return body + checkDigit(body);
  });

const full = (s: string) =>
  s.replace(/[0-9A-Za-z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));

describe("ID normalisation", () => {
  it("is idempotent on any text", () => {
    // (This found ΐ: a full toUpperCase() unfolded it and NFKC recomposed it differently.)
    fc.assert(
      fc.property(
        fc.string({ unit: "grapheme" }),
        (s) => normaliseId(normaliseId(s)) === normaliseId(s)
      ),
      { numRuns: 5000 }
    );
    fc.assert(
      fc.property(
        fc.string({ unit: "binary" }),
        (s) => normaliseId(normaliseId(s)) === normaliseId(s)
      ),
      { numRuns: 5000 }
    );
    expect(normaliseId(normaliseId("ΐ"))).toBe(normaliseId("ΐ"));
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom(..."０１２３４５６７８９Ｘｘ xX 0123456789\u3000'-") }),
        (s) => normaliseId(normaliseId(s)) === normaliseId(s)
      ),
      { numRuns: 2000 }
    );
  });

  it("a valid ID written in full-width, with lowercase x, or padded with spaces reads the same", () => {
    fc.assert(
      fc.property(validId, fc.constantFrom("", " ", "\u3000", "\t"), (id, pad) => {
        const want = checkId(id, TODAY);
        expect(want.kind).toBe("ok");
        for (const v of [full(id), id.toLowerCase(), pad + id + pad, "'" + id])
          expect(checkId(v, TODAY)).toEqual(want);
      }),
      { numRuns: 500 }
    );
  });
});

describe("the GB 11643 check digit", () => {
  it("rejects every single-digit change in the 17-digit body (all 153 variants of each ID)", () => {
    fc.assert(
      fc.property(validId, (id) => {
        for (let i = 0; i < 17; i++) {
          for (let v = 0; v <= 9; v++) {
            if (String(v) === id[i]) continue;
            const changed = id.slice(0, i) + v + id.slice(i + 1);
            // A changed birth-date digit may be caught as an impossible date first; never "ok".
            expect([changed, checkId(changed, TODAY).kind]).not.toEqual([changed, "ok"]);
          }
        }
      }),
      { numRuns: 300 }
    );
  });

  it("rejects every wrong check character", () => {
    fc.assert(
      fc.property(validId, (id) => {
        for (const c of "0123456789X")
          if (c !== id[17]) expect(checkId(id.slice(0, 17) + c, TODAY).kind).toBe("checksum");
      })
    );
  });

  it("why: every weight is non-zero mod 11 and 11 is prime, so w·Δ ≢ 0 (mod 11) for Δ = 1…9", () => {
    for (const w of WEIGHTS)
      for (let delta = 1; delta <= 9; delta++) expect((w * delta) % 11).not.toBe(0);
  });

  it("rejects every swap of two different adjacent body digits", () => {
    fc.assert(
      fc.property(validId, (id) => {
        for (let i = 0; i < 16; i++) {
          if (id[i] === id[i + 1]) continue;
          const swapped = id.slice(0, i) + id[i + 1] + id[i] + id.slice(i + 2);
          expect(checkId(swapped, TODAY).kind).not.toBe("ok");
        }
      }),
      { numRuns: 300 }
    );
  });

  it("documented blind spot: swapping characters k and k+10 (equal weights) keeps the check digit", () => {
    const pairs = [];
    for (let i = 0; i < 17; i++)
      for (let j = i + 1; j < 17; j++) if (WEIGHTS[i] === WEIGHTS[j]) pairs.push([i, j]);
    expect(pairs).toEqual([
      [0, 10],
      [1, 11],
      [2, 12],
      [3, 13],
      [4, 14],
      [5, 15],
      [6, 16],
    ]);
    // e.g. 530402198503120114 with the 1st and 11th characters swapped still checks out.
    const id = "530402198503120114";
    expect(checkId(id, TODAY).kind).toBe("ok");
    const swapped = id[10] + id.slice(1, 10) + id[0] + id.slice(11);
    expect(checkDigit(swapped.slice(0, 17))).toBe(id[17]);
  });
});
