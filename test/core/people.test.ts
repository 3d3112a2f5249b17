// Who an issue is about (src/core/people.ts): the 姓名 on the issue's roster row, read from the
// sheet, the same for a roster as read and for the web page's plain copy of it.
import { personOf } from "../../src/core/people";
import type { Issue, Roster } from "../../src/core/types";
import { book, budgetSheet, person, ratesSheet, rosterSheet, rows, run } from "../helpers/books";

describe("personOf", () => {
  const people = [
    person("W1", { 姓名: "甲一" }),
    person("W1", { 姓名: "乙二" }),
    person("W1", { 姓名: "" }),
    person("N1", { 姓名: "丙三" }),
  ];
  // A blank row between 乙二 and the nameless row: sheet rows 3, 4, (5 blank), 6, 7.
  const cells = rows(people);
  const withGap = [cells[0], cells[1], cells.map(() => null).slice(0, cells[0].length), cells[2]];
  const a = run(
    book(
      rosterSheet(withGap),
      rosterSheet(rows([people[3]]), { name: "市内" }),
      ratesSheet(),
      budgetSheet()
    )
  );
  const at = (sheet: string, row?: number) => ({ sheet, row }) as Issue;
  const plain = (rs: Roster[]): Roster[] =>
    rs.map((r) => ({ ...r, participants: r.participants.map((p) => ({ ...p })) }));

  it.each([
    ["花名册", 3, "甲一"],
    ["花名册", 4, "乙二"],
    ["花名册", 5, null],
    ["花名册", 6, null],
    ["市内", 3, "丙三"],
    ["市内", 4, null],
    ["项目费率", 3, null],
    ["花名册", undefined, null],
  ])("%s row %s → %s, for the roster as read and for a plain copy", (sheet, row, name) => {
    expect(a.rosters.map((r) => r.sheet)).toEqual(["花名册", "市内"]);
    expect(personOf(at(sheet, row), a.rosters)).toBe(name);
    expect(personOf(at(sheet, row), plain(a.rosters))).toBe(name);
  });
});
