// Give memory back between the command line's steps. The heap limit on a large machine lets V8
// keep hundreds of MB of garbage (the released ExcelJS model of a 100,000-row roster) until much
// later; one full collection right after releasing it keeps the process's peak near what the
// read itself needed. Best effort: without --expose-gc support it does nothing.
import * as v8 from "v8";
import * as vm from "vm";

let gc: (() => void) | null | undefined;

export function collectGarbage(): void {
  if (gc === undefined) {
    try {
      v8.setFlagsFromString("--expose-gc");
      gc = vm.runInNewContext("gc") as () => void;
    } catch {
      gc = null;
    }
  }
  gc?.();
}
