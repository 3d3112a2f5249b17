// A layout the patcher does not handle: the caller falls back to a full ExcelJS write.
export class PatchUnsupported extends Error {}

export const fail = (why: string): never => {
  throw new PatchUnsupported(why);
};
