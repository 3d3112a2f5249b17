// Dates as staff type them and as Excel stores them (serial numbers, with Excel's 1900 leap bug).
import { addMonths, dayToSerial, isDateFormat, parseDay, serialToDay } from "../../src/core/dates";
import { bookOf, person, run } from "../helpers/books";
import { issueCell } from "../../src/core/a1";

describe("text dates", () => {
  it.each([
    ["2024年6月1日", { y: 2024, m: 6, d: 1 }],
    ["2024/6/1", { y: 2024, m: 6, d: 1 }],
    ["2024.6.1", { y: 2024, m: 6, d: 1 }],
    ["2024-06-01", { y: 2024, m: 6, d: 1 }],
    ["20240601", { y: 2024, m: 6, d: 1 }],
    [" 2024 年 6 月 1 日 ", { y: 2024, m: 6, d: 1 }],
    ["２０２４年６月１日", { y: 2024, m: 6, d: 1 }],
    ["2024年6月", { y: 2024, m: 6, d: 1 }],
    ["2024-06-01至2024-06-05", { y: 2024, m: 6, d: 1 }],
    ["2024-06-01 08:30", { y: 2024, m: 6, d: 1 }],
    ["45444", { y: 2024, m: 6, d: 1 }],
  ])("%s", (text, day) => {
    expect(parseDay(text)).toEqual(day);
  });
  it.each(["2024年2月30日", "2024/13/1", "下周一", "六月一日", ""])("%s cannot be read", (text) => {
    expect(parseDay(text)).toBeNull();
  });
});

describe("Excel serial numbers", () => {
  it("45444 is 2024-06-01 and 45657 is 2024-12-31", () => {
    expect(serialToDay(45444)).toEqual({ y: 2024, m: 6, d: 1 });
    expect(serialToDay(45657)).toEqual({ y: 2024, m: 12, d: 31 });
    expect(parseDay(45444.75)).toEqual({ y: 2024, m: 6, d: 1 }); // a time of day is ignored
  });
  it("round-trips with dayToSerial, across Excel's fictitious 1900-02-29", () => {
    expect(serialToDay(1)).toEqual({ y: 1900, m: 1, d: 1 });
    expect(serialToDay(59)).toEqual({ y: 1900, m: 2, d: 28 });
    expect(serialToDay(61)).toEqual({ y: 1900, m: 3, d: 1 });
    for (const s of [1, 59, 61, 25569, 45444, 2958465])
      expect(dayToSerial(serialToDay(s)!)).toBe(s);
  });
  it("rejects serials outside Excel's range", () => {
    expect(serialToDay(0)).toBeNull();
    expect(serialToDay(2958466)).toBeNull();
    expect(serialToDay(NaN)).toBeNull();
  });
});

describe("month arithmetic", () => {
  it("clamps to the month's last day", () => {
    expect(addMonths({ y: 2024, m: 1, d: 31 }, 1)).toEqual({ y: 2024, m: 2, d: 29 });
    expect(addMonths({ y: 1965, m: 1, d: 15 }, 721)).toEqual({ y: 2025, m: 2, d: 15 });
  });
});

describe("text dates in the roster are checked against the window", () => {
  it("2024年6月1日, 2024/10/31 and 2024.9.1 are inside W1's window; 2024.11.1 is not", () => {
    const a = run(
      bookOf(
        ["2024年6月1日", "2024/10/31", "2024.9.1", "2024.11.1"].map((d) =>
          person("W1", { 疗休养日期: d })
        )
      )
    );
    expect(a.issues.map((i) => [i.code, issueCell(i)])).toEqual([["DATE_OUTSIDE_WINDOW", "J6"]]);
  });
});

describe("isDateFormat: the number formats that show a date (a share typed as 1/3 becomes one)", () => {
  it.each([
    "m/d/yyyy",
    "yyyy-mm-dd",
    'm"月"d"日"',
    "d-mmm",
    "[$-804]m月d日;@",
    "mm-dd-yy",
    "[h]:mm",
  ])("%s is a date or time", (f) => expect(isDateFormat(f)).toBe(true));
  it.each(["", "General", "@", "0.00", "#,##0", "0%", "# ?/?", "0.00E+00", '"人"0', "[Red]0.00"])(
    "%s is not",
    (f) => expect(isDateFormat(f)).toBe(false)
  );
});
