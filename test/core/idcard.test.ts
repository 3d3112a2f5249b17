// Resident ID rules (GB 11643): check digit, 15→18, normalisation, numbers that lost digits,
// birth dates and the gender digit.
import fc from "fast-check";
import {
  checkDigit,
  checkId,
  ID_CHECKSUM,
  ID_FUTURE,
  ID_NO_DAY,
  ID_OK,
  normaliseId,
  NOT_PLAIN,
  plainIdFault,
  readGender,
} from "../../src/core/idcard";
import { bookOf, person, run, validId } from "../helpers/books";
import { hashText } from "../../src/core/text";
import { issueCell } from "../../src/core/a1";

const TODAY = { y: 2024, m: 5, d: 1 };
const fullWidth = (s: string) =>
  s.replace(/[0-9X]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));

describe("the GB 11643 check digit", () => {
  it("gives X for the standard's own example 11010519491231002X", () => {
    expect(checkDigit("11010519491231002")).toBe("X");
    expect(checkId("11010519491231002X", TODAY)).toMatchObject({
      kind: "ok",
      id18: "11010519491231002X",
      from15: false,
    });
  });
  it("weights 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2, modulo 11, mapped to 1 0 X 9 8 7 6 5 4 3 2", () => {
    // A body of zeros sums to 0 → "1"; a single 1 in the last place weighs 2 → "X" (10) ... by hand:
    expect(checkDigit("00000000000000000")).toBe("1");
    expect(checkDigit("00000000000000001")).toBe("X");
    expect(checkDigit("10000000000000000")).toBe("5"); // 7 → the 8th of 1 0 X 9 8 7 6 5
  });
  it("reports the expected digit when the last one is wrong", () => {
    const good = validId({ y: 1985, m: 3, d: 14 });
    const bad = good.slice(0, 17) + (good[17] === "0" ? "1" : "0");
    expect(checkId(bad, TODAY)).toEqual({ kind: "checksum", id18: bad, expected: good[17] });
  });
});

describe("normalisation before checking", () => {
  it("accepts a lowercase x", () => {
    expect(checkId("11010519491231002x", TODAY)).toMatchObject({
      kind: "ok",
      id18: "11010519491231002X",
    });
  });
  it("folds full-width digits and X, and trims spaces (also ideographic) and a leading apostrophe", () => {
    expect(normaliseId(fullWidth("11010519491231002X"))).toBe("11010519491231002X");
    expect(checkId("\u3000 " + fullWidth("11010519491231002X") + " ", TODAY)).toMatchObject({
      kind: "ok",
      id18: "11010519491231002X",
    });
    expect(checkId("'11010519491231002X", TODAY)).toMatchObject({ kind: "ok" });
  });
  it("rejects inner spaces, dashes, letters other than a final X, and wrong lengths as ID_FORMAT", () => {
    for (const s of [
      "110105 19491231002X",
      "110105-19491231002X",
      "1101051949123100AX",
      "11010519491231002",
      "11010519491231002X1",
      "X10105194912310021",
    ]) {
      expect(checkId(s, TODAY).kind).toBe("format");
    }
  });
});

describe("first-generation 15-digit IDs", () => {
  it("are converted to 18 digits: 19 inserted before the year, then the check digit", () => {
    expect(checkId("110105491231002", TODAY)).toEqual({
      kind: "ok",
      id18: "11010519491231002X",
      birth: { y: 1949, m: 12, d: 31 },
      gender: "女",
      from15: true,
    });
  });
  it("match the same person's 18-digit ID as a duplicate", () => {
    const id18 = validId({ y: 1985, m: 3, d: 14 }, true, "530402", 12);
    const id15 = id18.slice(0, 6) + id18.slice(8, 17);
    const a = run(
      bookOf([
        person("W1", { 身份证号: id18, 性别: "男" }),
        person("N1", { 身份证号: id15, 性别: "男" }),
      ])
    );
    expect(a.issues.map((i) => [i.code, issueCell(i)]).sort()).toEqual([
      ["DUPLICATE_ID", "D3"],
      ["DUPLICATE_ID", "D4"],
      ["ID_15_DIGIT", "D4"],
    ]);
  });
  it("typed as a 15-digit number are still readable (Excel keeps all 15 digits)", () => {
    expect(checkId(110105491231002, TODAY)).toMatchObject({
      kind: "ok",
      id18: "11010519491231002X",
      from15: true,
    });
  });
});

describe("IDs typed as numbers lose their last digits", () => {
  it("an 18-digit number is ID_NUMERIC_PRECISION, shown as Excel shows it: 15 digits then zeros", () => {
    const asNumber = Number("530402198503141234");
    expect(checkId(asNumber, TODAY)).toEqual({ kind: "numeric", digits: "530402198503141000" });
  });
  it("even when the number happens to end in zeros", () => {
    expect(checkId(530402198503141000, TODAY)).toEqual({
      kind: "numeric",
      digits: "530402198503141000",
    });
  });
  it("the message shows those digits and says to format the column as text", () => {
    // eslint-disable-next-line no-loss-of-precision -- on purpose: the number Excel keeps after losing digits
    const a = run(bookOf([person("W1", { 身份证号: 530402198503141234 })]));
    expect(a.issues).toHaveLength(1);
    expect(a.issues[0].message).toContain("530402198503141000");
    expect(a.issues[0].message).toContain("文本");
  });
  it("a short number is ID_FORMAT, not a precision loss", () => {
    expect(checkId(12345, TODAY)).toEqual({ kind: "format", text: "12345" });
  });
});

describe("the embedded birth date", () => {
  it("must exist: 1985-02-30, 1985-13-01 and 1900-02-29 are impossible", () => {
    for (const ymd of ["19850230", "19851301", "19000229", "19850000"]) {
      const body = "530402" + ymd + "121";
      expect(checkId(body + checkDigit(body), TODAY)).toMatchObject({
        kind: "birthdate",
        reason: "出生日期不存在",
      });
    }
  });
  it("a leap day exists in a leap year", () => {
    expect(checkId(validId({ y: 1988, m: 2, d: 29 }), TODAY)).toMatchObject({
      kind: "ok",
      birth: { y: 1988, m: 2, d: 29 },
    });
  });
  it("must not be after today (today itself is fine)", () => {
    expect(checkId(validId({ y: 2024, m: 5, d: 2 }), TODAY)).toMatchObject({
      kind: "birthdate",
      reason: "出生日期在未来",
    });
    expect(checkId(validId({ y: 2024, m: 5, d: 1 }), TODAY)).toMatchObject({ kind: "ok" });
  });
  it("is checked before the check digit (a bad date is reported as such)", () => {
    const body = "530402" + "19850230" + "121";
    const wrong = body + (checkDigit(body) === "0" ? "1" : "0");
    expect(checkId(wrong, TODAY).kind).toBe("birthdate");
  });
});

describe("the gender digit (17th): odd is 男, even is 女", () => {
  it("reads the gender", () => {
    expect(checkId(validId({ y: 1985, m: 3, d: 14 }, true), TODAY)).toMatchObject({ gender: "男" });
    expect(checkId(validId({ y: 1985, m: 3, d: 14 }, false), TODAY)).toMatchObject({
      gender: "女",
    });
  });
  it("reads 性别 as typed in the forms staff use", () => {
    expect(["男", "男性", "M", "male", "ｍ"].map(readGender)).toEqual([
      "男",
      "男",
      "男",
      "男",
      "男",
    ]);
    expect(["女", "女性", "F", "Female"].map(readGender)).toEqual(["女", "女", "女", "女"]);
    expect(readGender("未知")).toBeNull();
  });
  it("GENDER_MISMATCH only when 性别 is filled and disagrees", () => {
    const id = validId({ y: 1985, m: 3, d: 14 }, false);
    expect(run(bookOf([person("W1", { 身份证号: id, 性别: "女" })])).issues).toEqual([]);
    expect(run(bookOf([person("W1", { 身份证号: id, 性别: null })])).issues).toEqual([]);
    expect(
      run(bookOf([person("W1", { 身份证号: id, 性别: "M" })])).issues.map((i) => i.code)
    ).toEqual(["GENDER_MISMATCH"]);
  });
});

describe("plainIdFault (the roster's one-pass read of a plain 18-character ID)", () => {
  const today = { y: 2024, m: 5, d: 1 };
  const digits = fc.stringMatching(/^[0-9]{17}[0-9X]$/);
  const dated = fc
    .tuple(
      fc.integer({ min: 1890, max: 2030 }),
      fc.integer({ min: 0, max: 13 }),
      fc.integer({ min: 0, max: 32 }),
      fc.integer({ min: 0, max: 999 })
    )
    .map(([y, m, d, seq]) => {
      const body =
        "530402" +
        y +
        String(m).padStart(2, "0") +
        String(d).padStart(2, "0") +
        String(seq).padStart(3, "0");
      return body + checkDigit(body);
    });
  const expected = (s: string) => {
    const r = checkId(s, today);
    if (r.kind === "ok") return ID_OK;
    if (r.kind === "checksum") return ID_CHECKSUM;
    if (r.kind === "birthdate") return r.reason === "出生日期不存在" ? ID_NO_DAY : ID_FUTURE;
    return NOT_PLAIN;
  };

  it("agrees with checkId on every plain ID, valid or not", () => {
    fc.assert(
      fc.property(fc.oneof(digits, dated), (s) => expect(plainIdFault(s, today)).toBe(expected(s)))
    );
  });

  it("stores the cell's hashText in the same pass, and only for a plain cell", () => {
    fc.assert(
      fc.property(fc.oneof(digits, dated), (s) => {
        const out = new Int32Array(3);
        plainIdFault(s, today, out, 1);
        expect([out[0], out[1], out[2]]).toEqual([0, hashText(s), 0]);
      })
    );
    const out = new Int32Array(1);
    plainIdFault("53040219800101123x", today, out, 0);
    expect(out[0]).toBe(0);
  });

  it("leaves anything else to checkId", () => {
    for (const s of [
      "53040219800101123",
      "5304021980010112345",
      "53040219800101123x",
      "５30402198001011234",
      " 530402198001011234",
    ])
      expect(plainIdFault(s, today)).toBe(NOT_PLAIN);
  });
});
