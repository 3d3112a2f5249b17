import * as fs from "fs";
import * as path from "path";
import { judge, observe } from "../test/foreign/observe";
import { FAILING_TODAY } from "../test/foreign/today";
(async () => {
  const dir = "/tmp/i11b/foreign";
  const manifest = JSON.parse(fs.readFileSync(path.join(dir, "manifest.json"), "utf8"));
  const only = process.argv[2];
  for (const m of manifest) {
    if (only && !m.file.includes(only)) continue;
    const f = { ...m, name: m.file, file: path.join(dir, m.file) };
    const v = judge(f, await observe(f));
    const fails = v.filter((x) => !x.ok);
    const listed = FAILING_TODAY[m.file]?.checks ?? [];
    console.log(m.file, "FAIL:", fails.map((x) => `${x.check}${listed.includes(x.check) ? "(listed)" : ""}: ${x.seen.slice(0, 300)}`).join(" | ") || "none");
  }
})();
