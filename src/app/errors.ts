// Errors as every entry point sees them: Office's error code where there is one.

/** The error's code (ExcelHostError.code, OfficeExtension.Error.code, Node's errno code), or null. */
export function errorCode(e: unknown): string | null {
  if (e && typeof e === "object" && "code" in e) {
    const c = (e as { code: unknown }).code;
    if (typeof c === "string" && c) return c;
    if (typeof c === "number") return String(c);
  }
  return null;
}
