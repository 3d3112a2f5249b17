// The reader runs in the browser too (the web page): it imports no Node built-in and no ExcelJS,
// only fflate, htmlparser2 (its tokenizer), HyperFormula and its own modules; it never names Buffer or process.
import * as fs from "fs";
import * as path from "path";

const DIR = path.resolve(__dirname, "../../src/xlsx/read");

describe("src/xlsx/read", () => {
  const files = fs.readdirSync(DIR).filter((f) => f.endsWith(".ts"));

  const importsOf = (file: string) =>
    [
      ...fs
        .readFileSync(path.join(DIR, file), "utf8")
        .matchAll(/(?:from|import)\s*\(?\s*"([^"]+)"/g),
    ].map((m) => m[1]);

  it("is the reader (the check below sees its imports)", () => {
    expect(files).toContain("sheet.ts");
    expect(importsOf("tokens.ts")).toContain("htmlparser2");
  });

  it.each(files)("%s imports only browser-safe modules", (file) => {
    const src = fs.readFileSync(path.join(DIR, file), "utf8");
    const modules = importsOf(file);
    const foreign = modules.filter(
      (m) => !m.startsWith(".") && !["fflate", "htmlparser2", "hyperformula"].includes(m)
    );
    expect(foreign).toEqual([]);
    expect(src).not.toMatch(/\bBuffer\b|\bprocess\./);
  });
});
