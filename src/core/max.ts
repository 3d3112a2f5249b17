// Largest of many numbers without spreading them into arguments: Math.max(...list) passes every
// element as an argument, and JavaScriptCore (Excel on Mac) caps arguments at 65,536.

/** The largest of `values` and `floor` (floor when values is empty). */
export function maxOf(values: Iterable<number>, floor = -Infinity): number {
  let m = floor;
  for (const v of values) if (v > m) m = v;
  return m;
}
