// Every text the task pane and the ribbon command show, in one place. Chinese by default;
// English when Office's display language is English. Issue messages themselves come from
// src/core/messages.ts (Chinese in both languages: they quote the user's own cells).
import type { IssueCode, Severity, SheetRole } from "../core/types";
import type { StepCode } from "../app/port";
import type { DocumentRole } from "../core/generated";
import { TITLE } from "../core/messages";

export type Lang = "zh" | "en";

export function langOf(displayLanguage: string | undefined | null): Lang {
  return displayLanguage && displayLanguage.toLowerCase().startsWith("en") ? "en" : "zh";
}

const zh = {
  appTitle: "疗休养经费助手",
  appIntro: "校验花名册，生成公式联动的经费分摊表。",
  loading: "正在读取工作簿…",
  tooOld: "当前 Excel 版本过旧，无法使用本加载项。",
  boot: {
    noOffice:
      "未能加载 Excel 加载项组件：此页面不在 Excel 中打开，或网络、安全策略阻止了微软的脚本。",
    notReady: "等待 Excel 超过 15 秒仍未就绪：此页面可能不在 Excel 中打开。",
    notExcel: "此加载项只能在 Excel 中使用。",
    tooOld: "当前 Excel 版本过旧：本加载项需要 Excel 2021、微软 365 或更高版本，或 Excel 网页版。",
    whatToDo:
      "请在 Excel（桌面版或网页版）中通过“开始 → 加载项”打开“疗休养经费助手”；无法使用加载项时，可改用离线网页版或命令行处理工作簿文件；版本过旧时请更新 Excel。",
  },

  mappingHeading: "工作表",
  mappingIntro: "已按表头自动识别各表，可手动更改。",
  role: {
    roster: "花名册",
    rates: "项目费率",
    history: "历史记录（可选）",
    budget: "预算（可选）",
  } as Record<SheetRole, string>,
  none: "（无）",
  detected: "自动识别",
  chosen: "手动选择",
  rosterGroup: "花名册（可多选）",
  rosterNone: "未选择",
  rosterSeveral: "可勾选多张（如按项目或按基层工会分表的花名册）。",
  emptyWorkbook:
    "未在工作簿中找到花名册和项目费率表。请先录入这两张表（可参考样例），或在上方手动选择。",
  missingRole: (label: string) => `未识别到“${label}”表，请在上方选择。`,
  refresh: "重新识别",

  settingsHeading: "设置",
  ownUnion: "本级工会",
  ownUnionAuto: (detected: string | null) => (detected ? `自动（${detected}）` : "自动识别"),
  year: "活动年度",
  yearHint: "留空则按项目开始日期自动确定。",
  outOfRange: (min: number, max: number) => `请输入 ${min} 到 ${max} 之间的整数。`,
  documentsLabel: "同时生成的名单",
  documentsHint:
    "经费分摊表与校验结果总是生成；勾选的名单一并生成。重新生成时只替换本工具生成的表；以前生成、这次未勾选的名单会被移除，以免留下过时的名单。",
  documentName: {
    participants: "参加人员名单",
    insurance: "意外险投保名单",
    signin: "签到表",
    notice: "公示名单（隐藏部分身份证号、电话）",
  } as Record<DocumentRole, string>,

  actionsHeading: "操作",
  validate: "校验",
  clearMarks: "清除标记",
  generate: "生成经费分摊表",
  forceGenerate: "仍然生成",
  working: "正在处理…",
  steps: {
    read: "读取工作表",
    check: "校验与计算",
    mark: "标记问题单元格",
    write: "写入经费分摊表",
    done: "完成",
  } as Record<StepCode, string>,
  stepDetail: (step: string, sheet: string) => `${step}：${sheet}`,

  counts: (errors: number, warnings: number) => `错误 ${errors} 个，警告 ${warnings} 个`,
  noIssues: "未发现问题。",
  issuesHeading: "校验结果",
  severity: { error: "错误", warning: "警告" } as Record<Severity, string>,
  issueTitle: (code: IssueCode) => TITLE[code],
  issueNoCell: (sheet: string, message: string) => `${sheet}：${message}`,
  marksCleared: "已清除本加载项添加的标记。",
  showAll: (n: number) => `显示全部 ${n} 条`,

  blocked: (errors: number) =>
    `发现 ${errors} 个错误，已暂停生成。建议先修正；如确需生成，请点击“仍然生成”，生成的表中将注明存在错误。`,
  cannotGenerate: "无法生成：未找到可用的项目费率表。",

  summaryHeading: "生成结果",
  writtenTo: (name: string) => `已写入“${name}”工作表。`,
  renamed: (name: string) => `工作簿中已有同名的自建工作表，未作改动，结果写入“${name}”。`,
  forcedNote: "本次在存在错误的情况下生成，表中已注明。",
  headcount: "参加人数",
  people: (n: number) => `${n} 人`,
  totalCost: "合计（含往返交通费）",
  payer: "承担方",
  amount: "金额（元）",
  ownTotal: (own: string) => `${own}承担合计`,
  budgetSources: "资金来源合计",
  gap: "差额",
  over: (amount: string) => `超支 ${amount} 元`,
  under: (amount: string) => `结余 ${amount} 元`,
  balanced: "收支持平",
  noBudget: "未找到预算表，未与资金来源比较。",
  yuan: (amount: string) => `${amount} 元`,
  openSheet: (name: string) => `查看“${name}”`,

  failed: (action: string) => `${action}失败`,
  unexpected: "发生意外错误，请重试；如仍失败，请关闭并重新打开任务窗格。",
  errorCode: (code: string) => `错误代码：${code}`,
  unknownCode: "未知",
  actionNames: {
    detect: "识别工作表",
    validate: "校验",
    clear: "清除标记",
    generate: "生成经费分摊表",
    goto: "定位单元格",
    save: "保存设置",
  },

  // Rules (规则) and who goes when a programme is oversubscribed (名额与候补).
  rulesHeading: "规则",
  rulesIntro: "留空则用工作簿“规则”表中的值，没有“规则”表时用默认值；在此填写的值优先于“规则”表。",
  rule: {
    perYear: "每人每年参加次数",
    historyYears: "追溯年数",
    dailyCap: "每人每天上限（元）",
    annualCap: "每人每年上限（元）",
    nearRetirementMonths: "临近退休（月）",
  } as Record<string, string>,
  ruleSource: { default: "默认", settings: "设置", sheet: "规则表" } as Record<string, string>,
  noLimit: "不限",
  inForce: (value: string, source: string) => `当前生效：${value}（${source}）`,
  sheetOverridden: (value: string) => `，“规则”表为 ${value}`,
  notYetRead: "校验或生成后显示当前生效的值。",
  quotaHeading: "名额与候补",
  quotaOrder:
    "报名超过名额时按优先顺序入选：先优先对象（含临近退休，限项目“优先对象”列出者），再往年未参加者，再按花名册顺序。",
  quotaCols: {
    program: "项目",
    applicants: "报名",
    quota: "名额",
    selected: "入选",
    waiting: "候补",
  },
  quotaNone: "各项目报名人数均未超过名额。",
  quotaAfterGenerate: "生成经费分摊表时将同时生成“名额与候补”表。",

  // Ribbon command dialog.
  noticeTitle: "疗休养经费助手",
  noticeBlocked: (errors: number) =>
    `发现 ${errors} 个错误，未生成经费分摊表。已在表中标出问题单元格，请打开任务窗格查看详情并修正，或在任务窗格中选择“仍然生成”。`,
  noticeDone: (name: string) => `已生成“${name}”。`,
  noticeOver: (amount: string) => `注意：本级工会承担合计超出资金来源，超支 ${amount} 元。`,
  noticeFailed: (message: string, code: string) => `生成失败：${message}（错误代码：${code}）`,
  close: "关闭",
};

export type Strings = typeof zh;

const en: Strings = {
  appTitle: "Recuperation Budget Assistant",
  appIntro: "Check the roster and generate a formula-driven cost allocation sheet.",
  loading: "Reading the workbook…",
  tooOld: "This version of Excel is too old for this add-in.",
  boot: {
    noOffice:
      "Office (office.js) could not be loaded: this page is not open in Excel, or the network or a security policy blocked Microsoft's script.",
    notReady: "Excel was not ready after 15 seconds: this page may not be open in Excel.",
    notExcel: "This add-in works in Excel only.",
    tooOld:
      "This version of Excel is too old: the add-in needs ExcelApi 1.9 (Microsoft 365, Excel 2021 or later, or Excel on the web).",
    whatToDo:
      "Open 疗休养经费助手 in Excel (desktop or web) from Home → Add-ins; where Excel add-ins cannot be used, use the offline web page or the command line (npm run generate) on the .xlsx file; update Office if it is too old.",
  },

  mappingHeading: "Sheets",
  mappingIntro: "Sheets were recognised by their headers; you can change them.",
  role: {
    roster: "Roster",
    rates: "Programme rates",
    history: "History (optional)",
    budget: "Budget (optional)",
  },
  none: "(none)",
  detected: "Detected",
  chosen: "Chosen",
  rosterGroup: "Roster sheets (one or more)",
  rosterNone: "None chosen",
  rosterSeveral: "Tick several for a roster split per programme or per unit.",
  emptyWorkbook:
    "No roster or rate sheet was found. Add them first (see the sample) or choose them above.",
  missingRole: (label: string) => `No “${label}” sheet was recognised; choose one above.`,
  refresh: "Detect again",

  settingsHeading: "Settings",
  ownUnion: "Own union",
  ownUnionAuto: (detected: string | null) => (detected ? `Automatic (${detected})` : "Automatic"),
  year: "Programme year",
  yearHint: "Leave blank to use the programmes' start dates.",
  outOfRange: (min: number, max: number) => `Enter a whole number from ${min} to ${max}.`,
  documentsLabel: "Lists to generate as well",
  documentsHint:
    "The allocation and the check report are always written; the lists ticked here too. Regenerating replaces only sheets this tool wrote; a list written before and not ticked now is removed, so no out-of-date list is left behind.",
  documentName: {
    participants: "Participants (参加人员名单)",
    insurance: "Accident insurance (意外险投保名单)",
    signin: "Sign-in sheet (签到表)",
    notice: "Public notice, IDs and phones masked (公示名单)",
  },

  actionsHeading: "Actions",
  validate: "Check",
  clearMarks: "Clear marks",
  generate: "Generate allocation sheet",
  forceGenerate: "Generate anyway",
  working: "Working…",
  steps: {
    read: "Reading sheets",
    check: "Checking and calculating",
    mark: "Marking cells",
    write: "Writing the allocation sheet",
    done: "Done",
  },
  stepDetail: (step: string, sheet: string) => `${step}: ${sheet}`,

  counts: (errors: number, warnings: number) => `${errors} errors, ${warnings} warnings`,
  noIssues: "No problems found.",
  issuesHeading: "Check results",
  severity: { error: "Error", warning: "Warning" },
  issueTitle: (code: IssueCode) => EN_TITLE[code],
  issueNoCell: (sheet: string, message: string) => `${sheet}: ${message}`,
  marksCleared: "The add-in's marks were removed.",
  showAll: (n: number) => `Show all ${n}`,

  blocked: (errors: number) =>
    `${errors} errors found; nothing was generated. Fix them, or choose “Generate anyway” and the sheet will say it has errors.`,
  cannotGenerate: "Cannot generate: no usable rate sheet was found.",

  summaryHeading: "Result",
  writtenTo: (name: string) => `Written to the sheet “${name}”.`,
  renamed: (name: string) =>
    `A sheet of yours has the same name and was left alone; the result is in “${name}”.`,
  forcedNote: "Generated despite errors; the sheet says so.",
  headcount: "Participants",
  people: (n: number) => `${n}`,
  totalCost: "Total (with transport)",
  payer: "Payer",
  amount: "Amount (CNY)",
  ownTotal: (own: string) => `${own} total`,
  budgetSources: "Budget sources",
  gap: "Difference",
  over: (amount: string) => `Over budget by ${amount}`,
  under: (amount: string) => `Under budget by ${amount}`,
  balanced: "Exactly on budget",
  noBudget: "No budget sheet found; not compared with sources.",
  yuan: (amount: string) => amount,
  openSheet: (name: string) => `Open “${name}”`,

  failed: (action: string) => `${action} failed`,
  unexpected:
    "Something unexpected went wrong. Try again; if it keeps failing, reopen the task pane.",
  errorCode: (code: string) => `Error code: ${code}`,
  unknownCode: "unknown",
  actionNames: {
    detect: "Detecting sheets",
    validate: "Check",
    clear: "Clearing marks",
    generate: "Generating",
    goto: "Selecting the cell",
    save: "Saving settings",
  },

  rulesHeading: "Rules",
  rulesIntro:
    "Leave blank to use the workbook's 规则 sheet, or the default without one; a value here wins over the sheet.",
  rule: {
    perYear: "Trips per person per year",
    historyYears: "Look-back years",
    dailyCap: "Cap per person per day (yuan)",
    annualCap: "Cap per person per year (yuan)",
    nearRetirementMonths: "Near retirement (months)",
  },
  ruleSource: { default: "default", settings: "setting", sheet: "规则 sheet" },
  noLimit: "no limit",
  inForce: (value: string, source: string) => `In force: ${value} (${source})`,
  sheetOverridden: (value: string) => `; the 规则 sheet says ${value}`,
  notYetRead: "Check or generate to see the values in force.",
  quotaHeading: "Places and waitlist",
  quotaOrder:
    "When a programme is oversubscribed: priority categories (and near retirement where listed) first, then people who did not go before, then roster order.",
  quotaCols: {
    program: "Programme",
    applicants: "Applied",
    quota: "Places",
    selected: "Selected",
    waiting: "Waitlist",
  },
  quotaNone: "No programme has more applicants than places.",
  quotaAfterGenerate: "Generating also writes the 名额与候补 sheet.",

  noticeTitle: "Recuperation Budget Assistant",
  noticeBlocked: (errors: number) =>
    `${errors} errors found; the allocation sheet was not generated. The cells are marked; open the task pane for details or choose “Generate anyway” there.`,
  noticeDone: (name: string) => `Generated “${name}”.`,
  noticeOver: (amount: string) =>
    ` Note: the own union's total is above the budget sources, over by ${amount}.`,
  noticeFailed: (message: string, code: string) =>
    `Generation failed: ${message} (error code ${code})`,
  close: "Close",
};

const EN_TITLE: Record<IssueCode, string> = {
  SHEET_MISSING: "Sheet missing",
  HEADER_MISSING: "Column missing",
  MISSING_REQUIRED: "Required cell empty",
  ID_FORMAT: "ID number format",
  ID_CHECKSUM: "ID number check digit",
  ID_BIRTHDATE: "ID number birth date",
  ID_NUMERIC_PRECISION: "ID number stored as a number",
  ID_15_DIGIT: "15-digit ID number",
  DUPLICATE_ID: "Registered twice",
  DUPLICATE_HISTORY: "Already took part this year",
  POSSIBLE_DUPLICATE: "Possible duplicate (same name and unit)",
  UNKNOWN_PROGRAM: "Unknown programme",
  NOT_ELIGIBLE: "Not eligible",
  NOT_MEMBER: "Not a union member",
  QUOTA_EXCEEDED: "Over quota",
  DATE_OUTSIDE_WINDOW: "Date outside the window",
  RETIRED: "Past retirement age",
  GENDER_MISMATCH: "Gender differs from ID",
  PHONE_FORMAT: "Phone number format",
  RATE_INVALID: "Unreadable rate",
  RATE_SHARES_MISMATCH: "Shares do not add up",
  BUDGET_EXCEEDED: "Over budget",
  RATE_OVER_CAP: "Rate above the daily cap",
  ANNUAL_CAP_EXCEEDED: "Above the annual cap per person",
  RULE_INVALID: "Rule not understood",
  ROSTER_SHEET_UNUSED: "Roster sheet not used",
  RATE_DATE: "Rate stored as a date",
  FORMULA_NO_VALUE: "Formula without a value",
};

export function stringsFor(lang: Lang): Strings {
  return lang === "en" ? en : zh;
}
