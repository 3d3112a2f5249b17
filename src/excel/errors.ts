// Errors from Excel carry Office's error.code; we add a Chinese message that says what to do.

/** An error from the Excel host: Office's error code plus a message for the user. */
export class ExcelHostError extends Error {
  override name = "ExcelHostError";
  constructor(
    readonly code: string,
    message: string,
    readonly cause?: unknown
  ) {
    super(message);
  }
}

const ADVICE: Record<string, string> = {
  ApiNotFound:
    "当前 Excel 版本不支持所需的功能，请升级到 Microsoft 365、Excel 2021 或更高版本（或使用 Excel 网页版）。",
  RequestPayloadSizeLimitExceeded: "一次发给 Excel 的数据超过了 5 MB 的上限。",
  ResponsePayloadSizeLimitExceeded: "一次从 Excel 读取的数据超过了 5 MB 的上限。",
  InvalidArgument: "Excel 拒绝了一个参数（地址或数据格式不正确）。",
  ItemNotFound: "找不到所需的工作表或对象，可能刚被删除或重命名，请重试。",
  ItemAlreadyExists: "已存在同名的工作表或名称，请重试。",
  InvalidOperation: "Excel 当前不允许此操作。",
  AccessDenied: "没有修改此工作簿的权限（可能处于只读或受保护状态）。",
  InvalidOperationInCellEditMode:
    "Excel 正处于单元格编辑状态，请先按 Enter 或 Esc 退出编辑后再试。",
  EditModeCellEditing: "Excel 正处于单元格编辑状态，请先按 Enter 或 Esc 退出编辑后再试。",
  UndoNotSupported: "此操作无法合并为一步撤销。",
  GeneralException: "Excel 内部错误。",
  PropertyNotLoaded: "加载项读取了尚未从 Excel 取回的数据（程序错误）。",
  SettingsSaveFailed: "无法保存加载项设置到工作簿。",
  NotInExcel: "未在 Excel 中运行。",
};

/** Wrap anything thrown by Office.js: keep its code, say in Chinese what failed and what to do. */
export function hostError(e: unknown, step: string): ExcelHostError {
  if (e instanceof ExcelHostError) return e;
  const code =
    typeof e === "object" && e && "code" in e && typeof (e as { code: unknown }).code === "string"
      ? (e as { code: string }).code
      : "GeneralException";
  const detail = e instanceof Error ? e.message : String(e);
  const advice = ADVICE[code] ?? "Excel 返回了错误。";
  return new ExcelHostError(
    code,
    `${step}失败：${advice}（错误代码 ${code}${detail && !advice.includes(detail) ? "：" + detail.slice(0, 200) : ""}）`,
    e
  );
}
