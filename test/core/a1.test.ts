// Addresses and sizes shared by the Excel host and the Excel double: one definition of each.
import { MAX_COLS, MAX_ROWS, parseRect, rectAddress } from "../../src/core/a1";
import { jsonBytes, utf8Length } from "../../src/core/text";

describe("an area as a rectangle", () => {
  it.each([
    ["A1", { r0: 0, c0: 0, r1: 0, c1: 0 }],
    ["$B$3:D7", { r0: 2, c0: 1, r1: 6, c1: 3 }],
    ["d7:b3", { r0: 2, c0: 1, r1: 6, c1: 3 }], // corners in either order, any case
    ["A:C", { r0: 0, c0: 0, r1: MAX_ROWS - 1, c1: 2 }],
    ["3:5", { r0: 2, c0: 0, r1: 4, c1: MAX_COLS - 1 }],
    ["XFD1048576", { r0: MAX_ROWS - 1, c0: MAX_COLS - 1, r1: MAX_ROWS - 1, c1: MAX_COLS - 1 }],
  ])("%s", (area, rect) => {
    expect(parseRect(area)).toEqual(rect);
  });

  it.each(["", "A", "7", "A1:B2:C3", "XFE1", "A1048577", "Sheet1!A1", "A1,B2", "1A"])(
    "%s is not one area on the grid",
    (area) => {
      expect(parseRect(area)).toBeNull();
    }
  );

  it("reads back as the address it came from", () => {
    expect(rectAddress(parseRect("B3:D7")!)).toBe("B3:D7");
    expect(rectAddress(parseRect("$C$7")!)).toBe("C7");
  });
});

describe("bytes in UTF-8", () => {
  it.each(["", "abc", "é", "疗休养", "😀", "a😀疗é"])("%s counts as UTF-8 does", (s) => {
    expect(utf8Length(s)).toBe(Buffer.byteLength(s, "utf8"));
  });

  it("a value as JSON: what a request carries", () => {
    expect(jsonBytes([["张三", 1]])).toBe(Buffer.byteLength('[["张三",1]]', "utf8"));
    expect(jsonBytes(undefined)).toBe(0);
  });
});
