// Small measuring helpers: medians, heap (with gc when it can be exposed), JSON lines.
import * as v8 from "v8";
import * as vm from "vm";

v8.setFlagsFromString("--expose-gc");
const gcFn = vm.runInNewContext("gc") as (() => void) | undefined;

export function gc(): void {
  if (typeof gcFn === "function") {
    gcFn();
    gcFn();
  }
}

export const heapMB = (): number => process.memoryUsage().heapUsed / 1048576;

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

export const round = (x: number, digits = 1): number => Number(x.toFixed(digits));

export function time<T>(fn: () => T): { ms: number; value: T } {
  const t = performance.now();
  const value = fn();
  return { ms: performance.now() - t, value };
}

/** One JSON line per measurement on stdout; progress goes to stderr. */
export function emit(o: Record<string, unknown>): void {
  process.stdout.write(JSON.stringify(o) + "\n");
}

export function note(s: string): void {
  process.stderr.write(`[bench] ${s}\n`);
}
