// The command line at run time: every way Node could reach the network is replaced by a trap,
// then the CLI runs on the sample, the mistakes sample and the corpus. No trap may fire.
import * as fs from "fs";
import * as path from "path";
import { cleanTmpDirs, copyInto, runCli, SAMPLE, SAMPLE_MISTAKES, tmpDir } from "../helpers/cli";
import { CASES, caseBytes } from "../corpus/build";

const modules: Record<string, Record<string, unknown>> = {
  http: require("http"),
  https: require("https"),
  http2: require("http2"),
  net: require("net"),
  tls: require("tls"),
  dgram: require("dgram"),
  dns: require("dns"),
};

const traps: jest.SpyInstance[] = [];
const trap = () => {
  throw new Error("network access attempted");
};

beforeEach(() => {
  const entry: [string, string][] = [
    ["http", "request"],
    ["http", "get"],
    ["https", "request"],
    ["https", "get"],
    ["http2", "connect"],
    ["net", "connect"],
    ["net", "createConnection"],
    ["tls", "connect"],
    ["dgram", "createSocket"],
    ["dns", "lookup"],
    ["dns", "resolve"],
  ];
  for (const [m, fn] of entry)
    traps.push(jest.spyOn(modules[m] as never, fn as never).mockImplementation(trap as never));
  traps.push(
    jest
      .spyOn(
        (modules.net as { Socket: { prototype: object } }).Socket.prototype as never,
        "connect" as never
      )
      .mockImplementation(trap as never)
  );
  if (typeof globalThis.fetch === "function")
    traps.push(jest.spyOn(globalThis, "fetch").mockImplementation(trap as never));
});

afterEach(() => {
  traps.splice(0).forEach((t) => t.mockRestore());
  cleanTmpDirs();
});

const fired = () => traps.filter((t) => t.mock.calls.length > 0).map((t) => t.getMockName());

describe("the command line makes no network calls", () => {
  it("the traps work", () => {
    expect(() =>
      (modules.https as { get: (u: string) => void }).get("https://example.com/")
    ).toThrow("network access attempted");
    expect(fired()).toHaveLength(1);
    traps.forEach((t) => t.mockClear());
  });

  it.each([
    ["the sample", SAMPLE, 0],
    ["the mistakes sample", SAMPLE_MISTAKES, 1],
  ])("on %s", async (_label, file, exit) => {
    const dir = tmpDir();
    const input = copyInto(dir, file);
    const r = await runCli([input, "--json", path.join(dir, "r.json")], dir);
    expect(r.code).toBe(exit);
    expect(fired()).toEqual([]);
  });

  it("on every corpus file, forced", async () => {
    const dir = tmpDir();
    for (const c of CASES) {
      const input = path.join(dir, c.file);
      fs.writeFileSync(input, await caseBytes(c));
      await runCli(
        [
          input,
          "-o",
          path.join(dir, "o-" + c.file),
          "--json",
          path.join(dir, c.file + ".json"),
          "--force",
        ],
        dir
      );
    }
    expect(fired()).toEqual([]);
  });
});
