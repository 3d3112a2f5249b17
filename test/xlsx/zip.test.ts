// The patcher's zip (src/xlsx/patch/zip.ts) on zips written by Python's zipfile, a witness nobody
// here wrote: what it copies, what it keeps (the comment), and what it leaves to JSZip rather
// than lose a part (a directory count that says less than the directory holds). And the text
// the sheet renderer (render.ts) puts into those zips.
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { openZip } from "../../src/xlsx/patch/zip";
import { renderSheets } from "../../src/xlsx/patch/render";
import { removalPlan } from "../../src/core/plan";

const MAKE = String.raw`
import zipfile, io, struct, sys
out = sys.argv[1]
def base(z):
    z.writestr("a.txt", "hello a" * 10)
    z.writestr("b.txt", "hello b" * 10)
    z.writestr("dir/", "")
with zipfile.ZipFile(out + "/comment.zip", "w", zipfile.ZIP_DEFLATED) as z:
    base(z); z.comment = b"my archive comment"
class U(io.RawIOBase):
    def __init__(s): s.buf = bytearray()
    def writable(s): return True
    def write(s, b): s.buf += b; return len(b)
u = U()
with zipfile.ZipFile(u, "w", zipfile.ZIP_DEFLATED) as z:
    base(z)
open(out + "/descriptors.zip", "wb").write(bytes(u.buf))
with zipfile.ZipFile(out + "/count.zip", "w", zipfile.ZIP_DEFLATED) as z:
    base(z)
d = bytearray(open(out + "/count.zip", "rb").read())
e = d.rfind(b"PK\x05\x06")
struct.pack_into("<HH", d, e + 8, 2, 2)
open(out + "/count.zip", "wb").write(bytes(d))
`;

const READ = String.raw`
import zipfile, json, sys
z = zipfile.ZipFile(sys.argv[1])
print(json.dumps({"bad": z.testzip(), "comment": z.comment.decode(), "parts": {i.filename: z.read(i).decode() for i in z.infolist()}}))
`;

describe("the patcher's zip on Python-written zips", () => {
  let dir = "";
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "lxy-zip-"));
    const r = spawnSync("/usr/bin/python3", ["-c", MAKE, dir], { encoding: "utf8" });
    expect(r.stderr).toBe("");
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  const roundTrip = async (file: string) => {
    const z = await openZip(fs.readFileSync(path.join(dir, file)));
    const names = z.names();
    z.put("new.txt", "新的部件");
    z.put("b.txt", "changed");
    const out = path.join(dir, "out-" + file);
    fs.writeFileSync(out, await z.save());
    const r = spawnSync("/usr/bin/python3", ["-c", READ, out], { encoding: "utf8" });
    expect(r.stderr).toBe("");
    return { names, seen: JSON.parse(r.stdout) };
  };

  const PARTS = {
    "a.txt": "hello a".repeat(10),
    "b.txt": "changed",
    "dir/": "",
    "new.txt": "新的部件",
  };

  it("keeps the archive comment and every part", async () => {
    const { names, seen } = await roundTrip("comment.zip");
    expect(names).toEqual(["a.txt", "b.txt", "dir/"]);
    expect(seen).toEqual({ bad: null, comment: "my archive comment", parts: PARTS });
  });

  it("copies entries written with data descriptors", async () => {
    const { seen } = await roundTrip("descriptors.zip");
    expect(seen).toEqual({ bad: null, comment: "", parts: PARTS });
  });

  it("a directory count that says less than the directory holds loses no part", async () => {
    const { names, seen } = await roundTrip("count.zip");
    expect(names).toEqual(["a.txt", "b.txt", "dir/"]);
    expect(seen.parts).toEqual(PARTS);
  });
});

describe("the generated sheets' XML (render.ts)", () => {
  it("escapes a typed _xHHHH_, writes characters XML cannot carry as escapes, a non-finite result as #NUM!, and empties merged-over cells", () => {
    const plan = {
      ...removalPlan("report"),
      remove: false,
      name: "校验结果",
      cells: [
        [{ text: "a_x0041_b\u0007" }, { text: "合并掉" }],
        [{ formula: "=1/0", value: Infinity }, null],
      ],
      merges: ["A1:B1"],
      rowHeights: [{ row: 4, height: 30 }],
    };
    const xml = renderSheets([plan]).sheets(null)[0];
    expect(xml).toContain("<t>a_x005F_x0041_b_x0007_</t>");
    expect(xml).not.toContain("合并掉");
    expect(xml).toContain('t="e"><f>1/0</f><v>#NUM!</v>');
    expect(xml).toContain('<row r="5" ht="30" customHeight="1"></row>');
  });
});
