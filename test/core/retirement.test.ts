// Statutory retirement age with the gradual reform from 2025-01-01 (《国务院关于渐进式延迟
// 法定退休年龄的办法》 and its tables): men 60→63 and women cadres 55→58 by one month per four
// months of birth; women workers 50→55 by one month per two months of birth.
import type { Day, Gender } from "../../src/core/types";
import { retirementAgeMonths, retirementDate, retirementStatus } from "../../src/core/retirement";
import { issueCell } from "../../src/core/a1";
import {
  book,
  bookOf,
  budgetSheet,
  person,
  rateRows,
  ratesSheet,
  run,
  serial,
  sheet,
  validId,
} from "../helpers/books";

const age = (y: number, m: number, g: Gender, worker = false) => {
  const months = retirementAgeMonths({ y, m, d: 15 }, g, worker);
  return `${Math.floor(months / 12)}岁${months % 12 ? (months % 12) + "个月" : ""}`;
};
const retires = (y: number, m: number, g: Gender, worker = false) => {
  const d = retirementDate({ y, m, d: 15 }, g, worker);
  return `${d.y}年${d.m}月`;
};

describe("men: 60 → 63", () => {
  // Rows of the official table (出生时间 → 改革后法定退休年龄, 改革后退休时间).
  it.each([
    [1964, 12, "60岁", "2024年12月"],
    [1965, 1, "60岁1个月", "2025年2月"],
    [1965, 4, "60岁1个月", "2025年5月"],
    [1965, 5, "60岁2个月", "2025年7月"],
    [1965, 8, "60岁2个月", "2025年10月"],
    [1965, 9, "60岁3个月", "2025年12月"],
    [1966, 1, "60岁4个月", "2026年5月"],
    [1970, 1, "61岁4个月", "2031年5月"],
    [1976, 8, "62岁11个月", "2039年7月"],
    [1976, 9, "63岁", "2039年9月"],
    [1980, 6, "63岁", "2043年6月"],
  ])("born %i-%i retires at %s, in %s", (y, m, a, when) => {
    expect(age(y, m, "男")).toBe(a);
    expect(retires(y, m, "男")).toBe(when);
  });
});

describe("women cadres: 55 → 58", () => {
  it.each([
    [1969, 12, "55岁", "2024年12月"],
    [1970, 1, "55岁1个月", "2025年2月"],
    [1970, 4, "55岁1个月", "2025年5月"],
    [1970, 5, "55岁2个月", "2025年7月"],
    [1975, 1, "56岁4个月", "2031年5月"],
    [1981, 8, "57岁11个月", "2039年7月"],
    [1981, 9, "58岁", "2039年9月"],
  ])("born %i-%i retires at %s, in %s", (y, m, a, when) => {
    expect(age(y, m, "女")).toBe(a);
    expect(retires(y, m, "女")).toBe(when);
  });
});

describe("women workers (岗位性质 工人): 50 → 55", () => {
  it.each([
    [1974, 12, "50岁", "2024年12月"],
    [1975, 1, "50岁1个月", "2025年2月"],
    [1975, 2, "50岁1个月", "2025年3月"],
    [1975, 3, "50岁2个月", "2025年5月"],
    [1980, 1, "52岁7个月", "2032年8月"],
    [1984, 10, "54岁11个月", "2039年9月"],
    [1984, 11, "55岁", "2039年11月"],
    [1990, 1, "55岁", "2045年1月"],
  ])("born %i-%i retires at %s, in %s", (y, m, a, when) => {
    expect(age(y, m, "女", true)).toBe(a);
    expect(retires(y, m, "女", true)).toBe(when);
  });
  it("the worker flag does not change men's age", () => {
    expect(age(1970, 1, "男", true)).toBe("61岁4个月");
  });
});

describe("status on a programme date", () => {
  const birth: Day = { y: 1965, m: 1, d: 15 }; // man, retires 2025-02-15
  it("retired on and after the retirement day", () => {
    expect(retirementStatus(birth, "男", false, { y: 2025, m: 2, d: 15 }, 24)).toBe("retired");
    expect(retirementStatus(birth, "男", false, { y: 2025, m: 2, d: 14 }, 24)).toBe("near");
  });
  it("near within the configured months (临近退休), working before", () => {
    expect(retirementStatus(birth, "男", false, { y: 2023, m: 2, d: 15 }, 24)).toBe("near");
    expect(retirementStatus(birth, "男", false, { y: 2023, m: 2, d: 14 }, 24)).toBe("working");
    expect(retirementStatus(birth, "男", false, { y: 2023, m: 2, d: 14 }, 36)).toBe("near");
  });
});

describe("RETIRED in the roster, on the programme's start date", () => {
  it("a woman cadre born 1969-05 is past 55 on 2024-06-01; a woman born 1970-01 is not", () => {
    const a = run(
      bookOf([
        person("W1", { 身份证号: validId({ y: 1969, m: 5, d: 1 }, false), 性别: "女" }),
        person("W1", { 身份证号: validId({ y: 1970, m: 1, d: 1 }, false), 性别: "女" }),
      ])
    );
    expect(a.issues.map((i) => [i.code, issueCell(i)])).toEqual([["RETIRED", "D3"]]);
  });
  it("a woman worker (岗位性质 工人) born 1974-03 is past 50 on 2024-06-01; as a cadre she is not", () => {
    const id = validId({ y: 1974, m: 3, d: 1 }, false);
    const header = [
      "姓名",
      "身份证号",
      "工作单位",
      "是否会员",
      "人员类别",
      "疗休养项目",
      "岗位性质",
    ];
    const mk = (post: string) => [["李芳", id, "某厂", "是", "企业一线职工", "W1", post]];
    const worker = run(book(sheet("花名册", header, mk("工人")), ratesSheet(), budgetSheet()));
    const cadre = run(book(sheet("花名册", header, mk("管理岗")), ratesSheet(), budgetSheet()));
    expect(worker.issues.map((i) => [i.code, issueCell(i)])).toEqual([["RETIRED", "B2"]]);
    expect(cadre.issues).toEqual([]);
  });
  it("the men's reform applies from 2025: a man born 1965-03 is not retired on 2025-03-01", () => {
    const r = rateRows();
    r[0][4] = serial(2025, 3, 1);
    r[0][5] = serial(2025, 10, 31);
    const header = ["姓名", "身份证号", "工作单位", "是否会员", "人员类别", "疗休养项目"];
    const a = run(
      book(
        sheet("花名册", header, [
          ["王强", validId({ y: 1965, m: 3, d: 1 }, true), "某厂", "是", "企业一线职工", "W1"],
        ]),
        ratesSheet(r),
        budgetSheet()
      ),
      { year: 2025 }
    );
    // Without the reform he would have retired in 2025-03; with it at 60岁1个月 (2025-04).
    expect(a.issues.filter((i) => i.code === "RETIRED")).toEqual([]);
  });
});
