// Draw the ribbon and store icons (16, 32, 64, 80 px) as PNGs with nothing but zlib:
// a blue rounded tile with a white sheet, its header row and a check mark. Run: node scripts/make-icons.mjs
import { deflateSync } from "node:zlib";
import { writeFileSync, mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}
function png(size, pixel) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0; // filter: none
    for (let x = 0; x < size; x++) {
      const [r, g, b, a] = pixel(x + 0.5, y + 0.5, size);
      const o = y * (size * 4 + 1) + 1 + x * 4;
      raw[o] = r;
      raw[o + 1] = g;
      raw[o + 2] = b;
      raw[o + 3] = a;
    }
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", deflateSync(raw)),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

const BLUE = [0x2f, 0x75, 0xb5, 255];
const WHITE = [255, 255, 255, 255];
const HEADER = [0xdd, 0xeb, 0xf7, 255];
const GREEN = [0x21, 0x8a, 0x3c, 255];
const CLEAR = [0, 0, 0, 0];

function icon(x, y, s) {
  const u = x / s,
    v = y / s;
  // Rounded tile.
  const rad = 0.18;
  const cx = Math.min(Math.max(u, rad), 1 - rad),
    cy = Math.min(Math.max(v, rad), 1 - rad);
  if ((u - cx) ** 2 + (v - cy) ** 2 > rad * rad) return CLEAR;
  // Check mark, drawn over the sheet's lower right.
  const d1 = Math.abs(v - 0.62 - (u - 0.48)) / Math.SQRT2; // down-right stroke
  const d2 = Math.abs(v - 0.76 + (u - 0.62)) / Math.SQRT2; // up-right stroke
  const w = Math.max(0.055, 1.2 / s);
  if ((d1 < w && u > 0.44 && u < 0.63 && v < 0.8) || (d2 < w && u > 0.6 && u < 0.88 && v > 0.44))
    return GREEN;
  // White sheet with a header band and ruled lines.
  if (u > 0.2 && u < 0.8 && v > 0.18 && v < 0.82) {
    if (v < 0.34) return HEADER;
    const line = Math.max(1 / s, 0.03);
    for (const ly of [0.46, 0.58, 0.7]) if (Math.abs(v - ly) < line && u < 0.6) return BLUE;
    return WHITE;
  }
  return BLUE;
}

mkdirSync(join(root, "assets"), { recursive: true });
for (const size of [16, 32, 64, 80]) {
  writeFileSync(join(root, "assets", `icon-${size}.png`), png(size, icon));
  console.log(`assets/icon-${size}.png`);
}
