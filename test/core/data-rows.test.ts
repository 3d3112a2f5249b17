// Which rows below a header are data (src/core/parse/table.ts isDataRow): footers and a
// template's empty numbered lines are not; a row that only starts like a footer word is.
import { isDataRow } from "../../src/core/parse/table";

test("footer lines of a form are not data rows", () => {
  for (const t of [
    "合计",
    "制表人：张三",
    "经办人：张三 联系电话：1380000",
    "单位负责人：李四",
    "填报日期：2024年5月20日",
    "审批人：王五",
    "联系人：赵六",
    "（单位盖章）",
    "注：以上人员均为会员",
  ])
    expect([t, isDataRow([null, t])]).toEqual([t, false]);
});

test("a budget source or a name that begins with a footer's first characters is a data row", () => {
  for (const t of ["主管部门补助", "分管单位拨款", "批准文号专项经费", "联系人员培训费"])
    expect([t, isDataRow([t, 10000])]).toEqual([t, true]);
});

test("a row holding only a 序号 (a form numbered down in advance) is not a data row; a lone ID or amount is", () => {
  expect(isDataRow([152, null, "", null])).toBe(false);
  expect(isDataRow([null, null, null])).toBe(false);
  expect(isDataRow([null, 530424199108201200])).toBe(true);
  expect(isDataRow([null, 2500.5])).toBe(true);
  expect(isDataRow([1, "林红"])).toBe(true);
});
