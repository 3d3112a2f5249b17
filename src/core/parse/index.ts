// Sheets → domain tables. Each parser reports what it cannot read as coded issues and keeps
// going; the header table it reads through stays in this folder.
export type { Parsed } from "./table";
export { parseRoster } from "./roster";
export { parseRates } from "./rates";
export { parseHistory } from "./history";
export { parseBudget } from "./budget";
