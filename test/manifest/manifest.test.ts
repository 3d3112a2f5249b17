// manifest.xml checked offline (the official validator needs the network): well-formed, every
// resid resolves to a resource of the right kind, every icon exists in assets/ at its size,
// requirement sets match what src/excel needs, Chinese strings with English overrides, and the
// production build rewrites the localhost URLs.
import * as fs from "fs";
import * as path from "path";
import { all, child, one, parseXml, XmlElement } from "./xml";
import { MIN_EXCEL_API, runOptions } from "../../src/excel/requirements";

const ROOT = path.resolve(__dirname, "../..");
const source = fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8");
const manifest = parseXml(source);
const DEV = "https://localhost:3000/";
const CJK = /[\u4e00-\u9fff]/;

function resources(
  kind: "Images" | "Urls" | "ShortStrings" | "LongStrings"
): Map<string, XmlElement> {
  const group = one(manifest, kind);
  return new Map(group.children.map((c) => [c.attrs.id, c]));
}

function pngSize(file: string): { width: number; height: number } {
  const b = fs.readFileSync(file);
  expect(b.subarray(0, 8).toString("hex")).toBe("89504e470d0a1a0a");
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}

describe("manifest.xml", () => {
  it("is well-formed XML for an Excel task-pane add-in", () => {
    expect(manifest.name).toBe("OfficeApp");
    expect(manifest.attrs["xsi:type"]).toBe("TaskPaneApp");
    expect(one(manifest, "Id").text).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/
    );
    expect(one(manifest, "Version").text).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    expect(
      all(manifest, "Host")
        .filter((h) => h.attrs.Name)
        .map((h) => h.attrs.Name)
    ).toEqual(["Workbook"]);
    expect(
      all(manifest, "Host")
        .filter((h) => h.attrs["xsi:type"])
        .map((h) => h.attrs["xsi:type"])
    ).toEqual(["Workbook"]);
    expect(one(manifest, "Permissions").text).toBe("ReadWriteDocument");
    expect(child(child(manifest, "DefaultSettings"), "SourceLocation").attrs.DefaultValue).toBe(
      DEV + "taskpane.html"
    );
  });

  it("the checker itself rejects malformed XML", () => {
    expect(() => parseXml("<a><b></a></b>")).toThrow(/does not close/);
    expect(() => parseXml('<a x="1" x="2"/>')).toThrow(/duplicate attribute/);
    expect(() => parseXml("<a>&nbsp;</a>")).toThrow(/undefined entity/);
    expect(() => parseXml("<a/><b/>")).toThrow(/second root/);
    expect(() => parseXml("<a>")).toThrow(/unclosed/);
  });

  it("resolves every resid to a resource of the right kind, with unique ids", () => {
    const kinds = {
      Images: resources("Images"),
      Urls: resources("Urls"),
      ShortStrings: resources("ShortStrings"),
      LongStrings: resources("LongStrings"),
    };
    const ids = Object.values(kinds).flatMap((m) => [...m.keys()]);
    expect(new Set(ids).size).toBe(ids.length);
    const withResid: XmlElement[] = [];
    const walk = (e: XmlElement, parent: string) => {
      for (const c of e.children) {
        if (c.attrs.resid !== undefined) withResid.push({ ...c, name: `${parent}/${c.name}` });
        walk(c, c.name);
      }
    };
    walk(manifest, manifest.name);
    expect(withResid.length).toBeGreaterThan(15);
    for (const e of withResid) {
      const leaf = e.name.split("/").pop()!;
      const kind =
        leaf === "bt:Image"
          ? "Images"
          : ["SourceLocation", "FunctionFile", "LearnMoreUrl"].includes(leaf)
            ? "Urls"
            : leaf === "Description"
              ? "LongStrings"
              : "ShortStrings";
      expect({
        resid: e.attrs.resid,
        where: e.name,
        found: kinds[kind].has(e.attrs.resid),
      }).toEqual({ resid: e.attrs.resid, where: e.name, found: true });
    }
    // Every resource is used.
    const used = new Set(withResid.map((e) => e.attrs.resid));
    expect(ids.filter((id) => !used.has(id))).toEqual([]);
  });

  it("points every icon at a PNG in assets/ of the declared size", () => {
    const icons = [
      ...resources("Images").values(),
      one(manifest, "IconUrl"),
      one(manifest, "HighResolutionIconUrl"),
    ].map((e) => e.attrs.DefaultValue);
    for (const url of icons) {
      expect(url.startsWith(DEV + "assets/")).toBe(true);
      const file = path.join(ROOT, url.slice(DEV.length));
      expect(fs.existsSync(file)).toBe(true);
      const px = Number(/icon-(\d+)\.png$/.exec(url)![1]);
      expect(pngSize(file)).toEqual({ width: px, height: px });
    }
    for (const img of all(manifest, "Image").filter((e) => e.attrs.size)) {
      expect(resources("Images").get(img.attrs.resid)!.attrs.DefaultValue).toBe(
        `${DEV}assets/icon-${img.attrs.size}.png`
      );
    }
    for (const px of [16, 32, 64, 80])
      expect(pngSize(path.join(ROOT, `assets/icon-${px}.png`))).toEqual({ width: px, height: px });
  });

  it("serves pages the build produces: taskpane.html and the ribbon's commands.html", () => {
    const urls = [...resources("Urls").values()].map((e) => e.attrs.DefaultValue);
    for (const url of urls) expect(url.startsWith(DEV)).toBe(true);
    expect(urls).toEqual(expect.arrayContaining([DEV + "taskpane.html", DEV + "commands.html"]));
    expect(fs.existsSync(path.join(ROOT, "src/taskpane/taskpane.html"))).toBe(true);
    expect(fs.existsSync(path.join(ROOT, "src/commands/commands.html"))).toBe(true);
    expect(
      resources("Urls").get(one(manifest, "FunctionFile").attrs.resid)!.attrs.DefaultValue
    ).toBe(DEV + "commands.html");
  });

  it("has a ribbon button for the pane and a 一键生成 button bound to the command's action id", () => {
    const actions = all(manifest, "Action");
    expect(actions.map((a) => a.attrs["xsi:type"]).sort()).toEqual([
      "ExecuteFunction",
      "ShowTaskpane",
    ]);
    const fn = one(manifest, "FunctionName").text;
    expect(fn).toBe("generateAllocation");
    const commands = fs.readFileSync(path.join(ROOT, "src/commands/commands.ts"), "utf8");
    expect(commands).toContain(`Office.actions.associate("${fn}"`);
    const shortStrings = resources("ShortStrings");
    const labels = all(manifest, "Control").map(
      (c) =>
        shortStrings.get(c.children.find((x) => x.name === "Label")!.attrs.resid)!.attrs
          .DefaultValue
    );
    expect(labels).toEqual(["经费助手", "一键生成"]);
  });

  it("declares the ExcelApi set src/excel requires (test/excel runs every action on exactly that version)", () => {
    const sets = all(manifest, "Set").map((s) => ({ name: s.attrs.Name, min: s.attrs.MinVersion }));
    expect(sets).toEqual([{ name: "ExcelApi", min: MIN_EXCEL_API }]);
    // Every requirement-set version the code checks is the declared minimum: no guarded newer
    // set (mergeUndoGroup, ExcelApi 1.20, is not used: see requirements.ts runOptions).
    const code = fs
      .readdirSync(path.join(ROOT, "src/excel"))
      .map((f) => fs.readFileSync(path.join(ROOT, "src/excel", f), "utf8"))
      .join("\n");
    const checked = [...code.matchAll(/export const \w+_API = "(\d+\.\d+)"/g)].map((m) => m[1]);
    expect(checked).toEqual([MIN_EXCEL_API]);
    expect(runOptions()).toEqual({ delayForCellEdit: true });
  });

  it("is in Chinese by default, with English overrides for every string", () => {
    expect(one(manifest, "DefaultLocale").text).toBe("zh-CN");
    for (const name of ["DisplayName", "Description"]) {
      const el = child(manifest, name);
      expect(el.attrs.DefaultValue).toMatch(CJK);
      expect(el.children.map((c) => c.attrs.Locale)).toEqual(["en-US"]);
    }
    const strings = [...resources("ShortStrings").values(), ...resources("LongStrings").values()];
    for (const s of strings) {
      expect(s.attrs.DefaultValue).toMatch(CJK);
      const en = s.children.find((c) => c.attrs.Locale === "en-US");
      expect(en?.attrs.Value).toMatch(/^[\x20-\x7e]+$/);
    }
    for (const s of resources("ShortStrings").values())
      expect(s.attrs.DefaultValue.length).toBeLessThanOrEqual(125);
    for (const s of resources("LongStrings").values())
      expect(s.attrs.DefaultValue.length).toBeLessThanOrEqual(250);
  });

  it("is rewritten to the production URL by the production build", async () => {
    const makeConfig = require(path.join(ROOT, "webpack.config.js"));
    const config = await makeConfig({}, { mode: "production" });
    const copy = config.plugins.find(
      (p: { constructor: { name: string } }) => p.constructor.name === "CopyPlugin"
    );
    const pattern = copy.patterns.find((p: { from: string }) => p.from === "manifest*.xml");
    const out = String(
      await pattern.transform(Buffer.from(source), path.join(ROOT, "manifest.xml"))
    );
    expect(out).not.toContain("localhost");
    expect(() => parseXml(out)).not.toThrow();
    expect(
      out.match(/https:\/\/[^/"]+\//g)!.every((u) => u === out.match(/https:\/\/[^/"]+\//)![0])
    ).toBe(true);
    const dev = await makeConfig({}, { mode: "development" });
    const devPattern = dev.plugins
      .find((p: { constructor: { name: string } }) => p.constructor.name === "CopyPlugin")
      .patterns.find((p: { from: string }) => p.from === "manifest*.xml");
    expect(String(await devPattern.transform(Buffer.from(source)))).toContain(
      DEV + "taskpane.html"
    );
  });
});

describe("help page", () => {
  it("SupportUrl and LearnMoreUrl point at help.html, which the build emits from src/help/help.html", () => {
    expect(child(manifest, "SupportUrl").attrs.DefaultValue).toBe(DEV + "help.html");
    expect(resources("Urls").get("GetStarted.LearnMoreUrl")!.attrs.DefaultValue).toBe(
      DEV + "help.html"
    );
    const page = fs.readFileSync(path.join(ROOT, "src/help/help.html"), "utf8");
    expect(page).toMatch(/<html lang="zh-CN">/);
    expect(page).toMatch(/清除标记/);
    expect(page).not.toMatch(/<script/);
    const webpack = fs.readFileSync(path.join(ROOT, "webpack.config.js"), "utf8");
    expect(webpack).toContain('template: "./src/help/help.html"');
    expect(webpack).toContain('filename: "help.html"');
  });
});
