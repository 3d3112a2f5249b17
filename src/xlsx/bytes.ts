// Bytes out of the .xlsx layer: a Buffer under Node (what the command line and tests write), the
// same bytes as a plain Uint8Array in a browser, where there is no Buffer.
export function asBuffer(u8: Uint8Array): Buffer {
  const B = (globalThis as { Buffer?: typeof Buffer }).Buffer;
  return (B ? B.from(u8.buffer, u8.byteOffset, u8.byteLength) : u8) as Buffer;
}
