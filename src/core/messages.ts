// Every user-facing Chinese sentence about an issue, and each code's severity (the contract).
import type { IssueCode, Severity } from "./types";

export const SEVERITY: Record<IssueCode, Severity> = {
  SHEET_MISSING: "error",
  HEADER_MISSING: "error",
  MISSING_REQUIRED: "error",
  ID_FORMAT: "error",
  ID_CHECKSUM: "error",
  ID_BIRTHDATE: "error",
  ID_NUMERIC_PRECISION: "error",
  ID_15_DIGIT: "warning",
  DUPLICATE_ID: "error",
  DUPLICATE_HISTORY: "error",
  POSSIBLE_DUPLICATE: "warning",
  UNKNOWN_PROGRAM: "error",
  NOT_ELIGIBLE: "error",
  NOT_MEMBER: "error",
  QUOTA_EXCEEDED: "error",
  DATE_OUTSIDE_WINDOW: "error",
  RETIRED: "warning",
  GENDER_MISMATCH: "warning",
  PHONE_FORMAT: "warning",
  RATE_INVALID: "error",
  RATE_SHARES_MISMATCH: "error",
  BUDGET_EXCEEDED: "warning",
  RATE_OVER_CAP: "error",
  ANNUAL_CAP_EXCEEDED: "warning",
  RULE_INVALID: "error",
  ROSTER_SHEET_UNUSED: "warning",
  RATE_DATE: "error",
  FORMULA_NO_VALUE: "error",
};

/** Short Chinese titles for grouping issues in the pane and the report. */
export const TITLE: Record<IssueCode, string> = {
  SHEET_MISSING: "缺少工作表",
  HEADER_MISSING: "缺少列",
  MISSING_REQUIRED: "必填项为空",
  ID_FORMAT: "身份证号格式错误",
  ID_CHECKSUM: "身份证号校验位错误",
  ID_BIRTHDATE: "身份证号出生日期错误",
  ID_NUMERIC_PRECISION: "身份证号被存为数字",
  ID_15_DIGIT: "15位旧身份证号",
  DUPLICATE_ID: "重复报名",
  DUPLICATE_HISTORY: "本年度已参加过",
  POSSIBLE_DUPLICATE: "疑似重复（同名同单位）",
  UNKNOWN_PROGRAM: "项目不存在",
  NOT_ELIGIBLE: "不符合参加对象",
  NOT_MEMBER: "非工会会员",
  QUOTA_EXCEEDED: "超出名额",
  DATE_OUTSIDE_WINDOW: "日期不在活动时间内",
  RETIRED: "已达法定退休年龄",
  GENDER_MISMATCH: "性别与身份证号不符",
  PHONE_FORMAT: "手机号格式有误",
  RATE_INVALID: "费率无法识别",
  RATE_SHARES_MISMATCH: "分摊合计与人均标准不符",
  BUDGET_EXCEEDED: "超出预算",
  RATE_OVER_CAP: "人均标准超出每天上限",
  ANNUAL_CAP_EXCEEDED: "超出每人每年上限",
  RULE_INVALID: "规则无法识别",
  ROSTER_SHEET_UNUSED: "花名册未计入",
  RATE_DATE: "费率被存为日期",
  FORMULA_NO_VALUE: "公式没有可用的计算结果",
};

export const SEVERITY_LABEL: Record<Severity, string> = { error: "错误", warning: "警告" };

export const MSG = {
  formulaNoValue: (formula: string) =>
    `此单元格的公式“=${formula}”在文件中没有保存计算结果，本工具也无法计算（函数不支持、引用其他文件或名称）。请在 Excel 或 WPS 中打开并保存一次后重试。`,
  sheetMissing: (label: string) =>
    `未找到“${label}”工作表（按表名或表头均未识别）。请检查工作簿中是否有该表。`,
  headerMissing: (canonical: string, sheet: string) =>
    `“${sheet}”表中未找到“${canonical}”列（前10行内未识别到该表头）。`,
  sharesMissing: (sheet: string) => `“${sheet}”表中未找到任何“××承担”列（如“省总工会承担”）。`,
  missingRequired: (canonical: string) => `“${canonical}”为必填项，此处为空。`,
  idFormat: (text: string) => `身份证号“${text}”不是18位（前17位数字，末位为数字或X）。`,
  idChecksum: (expected: string) =>
    `身份证号校验位错误（按GB 11643应为“${expected}”），请核对是否录错。`,
  idBirthdate: (reason: string, digits?: string) =>
    `身份证号中的${reason}${digits ? "（第7至14位为" + digits + "）" : ""}。`,
  idNumeric: (digits: string) =>
    `身份证号以数字形式保存（${digits}），Excel只保留15位有效数字，后几位已丢失。请将该列设为文本后重新录入。`,
  id15: (id18: string) => `15位旧身份证号，已按18位（${id18}）比对。`,
  duplicateId: (places: Place[]) =>
    `同一身份证号重复出现（${placesText(places)}）。每人每年仅可参加一次。`,
  duplicateHistory: (program: string, year: number | null) =>
    `此人${year ? year + "年" : "本年度"}已参加过疗休养${program ? "（" + program + "）" : ""}，不能重复参加。`,
  duplicateIdPerYear: (places: Place[], perYear: number) =>
    `同一身份证号出现${places.length}次（${placesText(places)}），每人每年最多参加${perYear}次。`,
  duplicateHistoryPerYear: (count: number, perYear: number) =>
    `此人本年度已参加疗休养${count}次（见历史记录），连同本表超过每人每年${perYear}次。`,
  historyWithin: (program: string, year: number, years: number) =>
    `此人${year}年已参加过疗休养${program ? "（" + program + "）" : ""}，近${years}年内参加过的不再安排。`,
  possibleDuplicate: (places: Place[]) =>
    `同名同单位但身份证号不同（${placesText(places)}），请核实是否为同一人。`,
  unknownProgram: (text: string, sheet: string) =>
    `项目“${text}”在“${sheet}”表中不存在（应填项目编号或项目名称）。`,
  notEligible: (cats: string[], program: string, eligible: string[]) =>
    `人员类别“${cats.join("、")}”不在“${program}”的参加对象（${eligible.join("、")}）之内。`,
  notMember: (program: string, text: string) =>
    `“${program}”须为工会会员，此人${text ? "填写为“" + text + "”" : "未填写是否会员"}。`,
  quotaExceeded: (program: string, quota: number, count: number, rank: number, reason: string) =>
    `“${program}”名额${quota}人，符合条件${count}人，按优先顺序排第${rank}位（${reason}），未入选，列为候补第${rank - quota}位。`,
  dateOutside: (text: string, program: string, window: string) =>
    `日期“${text}”不在“${program}”的活动时间（${window}）内。`,
  dateUnreadable: (text: string) =>
    `无法识别日期“${text}”（可写作2024-06-01、2024/6/1或2024年6月1日）。`,
  retired: (date: string) => `按法定退休年龄（含2025年起渐进式延迟），此人已于${date}退休。`,
  genderMismatch: (typed: string, fromId: string) =>
    `性别填写为“${typed}”，身份证号显示为“${fromId}”。`,
  phoneFormat: (text: string) => `联系电话“${text}”不是11位手机号。`,
  rateInvalid: (text: string, reason: string) => `费率“${text}”无法使用：${reason}。`,
  amountInvalid: (text: string, reason: string) => `金额“${text}”无法使用：${reason}。`,
  rateDuplicateCode: (code: string, first: number) =>
    `项目编号“${code}”重复（与第${first}行相同），仅使用第一行。`,
  sharesMismatch: (program: string, sum: string, per: string) =>
    `“${program}”各方承担合计每人${sum}元，与人均标准${per}元不符。`,
  rateOverCap: (program: string, per: string, cap: string, days: number, max: string) =>
    `“${program}”人均标准${per}元，超过每人每天上限${cap}元×${days}天＝${max}元。`,
  annualCapExceeded: (total: string, cap: string, parts: string) =>
    `此人本年度疗休养费用合计${total}元（${parts}），超过每人每年上限${cap}元。`,
  ruleUnknown: (name: string, known: string) => `规则“${name}”无法识别（可用的规则：${known}）。`,
  ruleValue: (rule: string, text: string, min: number, max: number, cap: boolean) =>
    `规则“${rule}”的值“${text}”无法使用：应为${min}到${max}之间的整数${cap ? "，或填“不限”" : ""}。`,
  rulesHeader: (sheet: string) => `“${sheet}”表中未找到“规则”和“值”两列表头。`,
  budgetExceeded: (own: string, total: string, sources: string, gap: string) =>
    `${own}承担合计${total}元，超出资金来源${sources}元，差额${gap}元。`,
  rateDate: (shown: string, typed: string, percent: string | null) =>
    `此单元格被表格软件存成了日期（显示为${shown}），原本输入的可能是“${typed}”。请输入'${typed}（前加英文单引号，按文本保存），或先把单元格设为“文本”格式再输入${percent ? "，也可写作" + percent : ""}。`,
  rosterDeselected: (sheet: string) =>
    `工作表“${sheet}”看起来是花名册，但未选为花名册：其中的人员未计入人数、查重和经费。如需计入，请在“工作表”设置中勾选它。`,
  rosterPartial: (sheet: string, missing: string[]) =>
    `工作表“${sheet}”像花名册，但缺少${missing.map((m) => "“" + m + "”").join("、")}列，未作为花名册读取：其中的人员未计入。如是花名册，请补全表头。`,
};

/** A row on a roster sheet, for messages that list several rows. */
export interface Place {
  sheet: string;
  row: number;
}

/** 第7、12行 on one sheet; “市外”第7行、“市内”第3行 across sheets. */
function placesText(places: Place[]): string {
  const one = places.every((p) => p.sheet === places[0]?.sheet);
  if (one) return `第${places.map((p) => p.row).join("、")}行`;
  return places.map((p) => `“${p.sheet}”第${p.row}行`).join("、");
}
