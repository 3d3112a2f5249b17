// Atomic writes: a temporary file beside the target, then a rename, so a crash never leaves
// half a file behind.
import * as fs from "fs";
import * as path from "path";

export function writeFileAtomic(target: string, data: string | Buffer): void {
  const dir = path.dirname(target);
  const tmp = path.join(dir, `.${path.basename(target)}.${process.pid}.${Date.now()}.tmp`);
  try {
    fs.writeFileSync(tmp, data);
    fs.renameSync(tmp, target);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    throw e;
  }
}
