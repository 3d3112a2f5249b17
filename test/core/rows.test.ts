// The column-wise roster (src/core/rows.ts): the duplicate table against a plain Map, and the
// participant objects made on demand against what each cell says (checkId, the cells as typed).
import fc from "fast-check";
import { equalGroups, keyHash, keyPairHash, People, rowsOf } from "../../src/core/rows";
import { blankText, cellText, hashText, valueKey } from "../../src/core/text";
import { parseRoster } from "../../src/core/parse";
import { checkId } from "../../src/core/idcard";
import { person, rosterSheet, rows, serial, TODAY, validId } from "../helpers/books";

/** The same groups by a Map: keys in order of their first index, each list in index order. */
function byMap(keys: (string | null)[]): number[][] {
  const m = new Map<string, number[]>();
  keys.forEach((k, i) => {
    if (k === null) return;
    const list = m.get(k);
    if (list) list.push(i);
    else m.set(k, [i]);
  });
  return [...m.values()].filter((l) => l.length >= 2);
}

function groups(keys: (string | null)[], hash: (s: string) => number): number[][] {
  const h = new Int32Array(keys.map((k) => (k === null ? 0 : hash(k))));
  const keep = new Uint8Array(keys.map((k) => (k === null ? 0 : 1)));
  return equalGroups(keys.length, h, keep, (a, b) => keys[a] === keys[b]);
}

describe("equalGroups", () => {
  const keysArb = fc.array(
    fc.option(fc.constantFrom("甲", "乙", "丙", "a", "A", "", "甲乙"), { nil: null }),
    {
      maxLength: 60,
    }
  );

  it("finds the groups a Map finds, in the same order", () => {
    fc.assert(fc.property(keysArb, (keys) => expect(groups(keys, hashText)).toEqual(byMap(keys))));
  });

  it("still separates keys whose hashes all collide", () => {
    fc.assert(fc.property(keysArb, (keys) => expect(groups(keys, () => 7)).toEqual(byMap(keys))));
  });

  it("copes with a table more than half full of one probe run", () => {
    const keys = Array.from({ length: 5000 }, (_, i) => `k${i % 1700}`);
    expect(groups(keys, (s) => hashText(s) & 3)).toEqual(byMap(keys));
  });
});

describe("equalGroups after a larger call (the kept table is cleared)", () => {
  it("finds the same groups as a Map in a smaller roster next", () => {
    const big = Array.from({ length: 3000 }, (_, i) => `b${i % 1000}`);
    expect(groups(big, hashText)).toEqual(byMap(big));
    const small = ["甲", "乙", "甲", null, "丙", "乙"];
    expect(groups(small, hashText)).toEqual([
      [0, 2],
      [1, 5],
    ]);
    expect(groups(["x", "y", "z"], hashText)).toEqual([]);
  });
});

describe("keyHash and keyPairHash (the same-name-and-unit hash, made while reading)", () => {
  const text = fc.string({
    unit: fc.constantFrom("张", "三", "Ａ", "a", "B", " ", "\u3000", "1", "ｂ", "\u00a0", "科"),
    maxLength: 8,
  });
  it("equal hashText(valueKey(s)) whatever the text", () => {
    fc.assert(fc.property(text, (s) => expect(keyHash(s)).toBe(hashText(valueKey(s)))));
  });
  it("give equal pairs equal hashes once folded", () => {
    expect(keyPairHash("张 三", "ａｂ科")).toBe(keyPairHash("张三", "AB科"));
    expect(keyPairHash("张三", "科")).not.toBe(keyPairHash("科", "张三"));
  });
});

describe("blankText (the required-field check)", () => {
  it('is cellText(c) === "" for every kind of cell', () => {
    const cell = fc.oneof(
      fc.string({
        unit: fc.constantFrom(" ", "\u3000", "\u00a0", "\t", "\n", "甲", "a", "\u200b"),
        maxLength: 4,
      }),
      fc.double(),
      fc.boolean(),
      fc.constantFrom(null, undefined, 0, -0, NaN, Infinity, "")
    );
    fc.assert(fc.property(cell, (c) => expect(blankText(c)).toBe(cellText(c) === "")));
  });
});

describe("participants made from the rows", () => {
  const fifteen = "530402800101121";
  const bad = validId({ y: 1980, m: 2, d: 3 }).slice(0, 17) + "0";
  const people = [
    person("W1", { 身份证号: validId({ y: 1970, m: 5, d: 6 }, false) }),
    person("W1", { 身份证号: fifteen, 是否会员: "" }),
    person("W1", {
      身份证号: ` ${validId({ y: 1981, m: 1, d: 2 }).toLowerCase()} `,
      疗休养日期: "2024/6/3",
    }),
    person("W1", { 身份证号: bad, 疗休养日期: serial(2024, 6, 1) }),
    person("W1", { 身份证号: 530402198001011200, 是否会员: "不清楚" }),
    person("W1", { 身份证号: "5304021980-0101" }),
  ];
  const sheet = rosterSheet(rows(people));
  const roster = parseRoster(sheet, TODAY).value!;

  it("give each row's ID as the check reads the cell", () => {
    const ids = roster.participants.map((p) => p.id);
    for (let j = 0; j < people.length; j++) {
      const r = checkId(people[j]["身份证号"], TODAY);
      const want =
        r.kind === "ok" ? r : { id18: r.kind === "numeric" || r.kind === "format" ? null : r.id18 };
      expect(ids[j]).toEqual(want);
    }
    expect(ids[1]).toMatchObject({ kind: "ok", from15: true });
    expect(ids[2]).toMatchObject({ kind: "ok", id18: validId({ y: 1981, m: 1, d: 2 }) });
  });

  it("keep the cells as typed: dates, 是否会员, the programme", () => {
    const ps = roster.participants;
    expect(ps.map((p) => p.row)).toEqual([3, 4, 5, 6, 7, 8]);
    expect(ps[2].dateText).toBe("2024/6/3");
    expect(ps[2].date).toEqual({ y: 2024, m: 6, d: 3 });
    expect(ps[3].dateText).toBe("");
    expect(ps[3].date).toEqual({ y: 2024, m: 6, d: 1 });
    expect(ps.map((p) => [p.member, p.memberText])).toEqual([
      [true, "是"],
      [null, ""],
      [true, "是"],
      [true, "是"],
      [null, "不清楚"],
      [true, "是"],
    ]);
    expect(ps.every((p) => p.programRaw === "W1" && p.programText === "W1")).toBe(true);
    expect(roster.count).toBe(6);
    expect(roster.lastRow).toBe(8);
    // Made once: the same objects every time.
    expect(roster.participants).toBe(ps);
  });

  it("number a split roster sheet after sheet", () => {
    const other = parseRoster(
      rosterSheet(rows(people.slice(0, 2)), { name: "市内" }),
      TODAY
    ).value!;
    const all = new People([roster, other]);
    expect(all.n).toBe(8);
    expect([all.sheet(6), all.row(6), all.sheet(5), all.row(5)]).toEqual(["市内", 3, "花名册", 8]);
    expect(all.id18(7)).toBe(rowsOf(other).id18(1));
    expect(all.participant(7)).toBe(other.participants[1]);
  });
});
