// The double's README table: every behaviour names the test that pins it, and that test exists.
import * as fs from "fs";
import * as path from "path";

const ROOT = path.resolve(__dirname, "../../..");
const README = fs.readFileSync(path.join(ROOT, "src/testing/excel-double/README.md"), "utf8");

/** The table's rows: behaviour, source, and the test as `file` › `name`. */
function rows(): { behaviour: string; source: string; file: string; name: string }[] {
  const out: { behaviour: string; source: string; file: string; name: string }[] = [];
  let last = { behaviour: "", source: "" };
  for (const line of README.split("\n")) {
    if (!line.startsWith("|") || /^\|\s*-/.test(line) || line.startsWith("| behaviour")) continue;
    const cells = line
      .slice(1, -1)
      .split("|")
      .map((c) => c.trim());
    expect(cells).toHaveLength(3);
    const [behaviour, source, test] = cells;
    // A row with empty first cells adds another test to the behaviour above.
    if (behaviour) last = { behaviour, source };
    const m = /^`([^`]+)` › `([^`]+)`$/.exec(test);
    expect([line, m !== null]).toEqual([line, true]);
    out.push({ ...last, file: m![1], name: m![2] });
  }
  return out;
}

describe("src/testing/excel-double/README.md", () => {
  const table = rows();

  it("lists the documented behaviours, each with a source", () => {
    expect(table.length).toBeGreaterThanOrEqual(20);
    for (const r of table) {
      expect(r.behaviour.length).toBeGreaterThan(10);
      expect(r.source.length).toBeGreaterThan(5);
    }
    for (const must of [
      "priority position",
      "in-memory copy per runtime",
      "mergeUndoGroup",
      "protected sheet",
      "structure-protected",
      "edits a cell",
      "Navigation properties",
      "reopen",
    ])
      expect([must, table.some((r) => r.behaviour.includes(must))]).toEqual([must, true]);
  });

  it.each(table.map((r) => [r.file, r.name]))("names a test that exists: %s › %s", (file, name) => {
    const src = fs.readFileSync(path.join(ROOT, file), "utf8");
    const literal = [`it("${name}"`, `it(\n    "${name}"`, `it(\n  "${name}"`];
    expect([
      file,
      name,
      literal.some((l) => src.includes(l)) || src.includes(`"${name}",`),
    ]).toEqual([file, name, true]);
  });
});
