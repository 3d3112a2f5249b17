// The Chinese UI has no English in it; both languages have the same texts.
import { langOf, stringsFor } from "../../src/taskpane/strings";

function allTexts(table: unknown): string[] {
  if (typeof table === "string") return [table];
  if (typeof table === "function") return [String(table("示例", 2, 3))];
  if (table && typeof table === "object") return Object.values(table).flatMap(allTexts);
  return [];
}

test("Chinese by default, English only when Office's display language is English", () => {
  expect(langOf("zh-CN")).toBe("zh");
  expect(langOf(undefined)).toBe("zh");
  expect(langOf("fr-FR")).toBe("zh");
  expect(langOf("en-US")).toBe("en");
  expect(langOf("EN-gb")).toBe("en");
});

test("no Latin letters in any Chinese text but the product's name (Office's error code is inserted, never written)", () => {
  const { issueTitle, ...rest } = stringsFor("zh");
  const texts = allTexts(rest).filter((t) => t !== "示例");
  expect(texts.length).toBeGreaterThan(60);
  expect(texts.filter((t) => /[A-Za-z]/.test(t.replace(/Excel/g, "")))).toEqual([]);
  expect(issueTitle("DUPLICATE_ID")).toBe("重复报名");
});

test("the buttons' names are exactly the ones the users are told about", () => {
  const s = stringsFor("zh");
  expect([s.validate, s.clearMarks, s.generate, s.forceGenerate]).toEqual([
    "校验",
    "清除标记",
    "生成经费分摊表",
    "仍然生成",
  ]);
});

test("English has every key Chinese has", () => {
  expect(Object.keys(stringsFor("en")).sort()).toEqual(Object.keys(stringsFor("zh")).sort());
});
