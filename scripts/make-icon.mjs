// Draws images/icon.png (128x128): a letter page with lines and a check mark on a dark blue tile.
// No image library needed: shapes are tested per pixel, 4x4 supersampled, and written as a PNG.
//   node scripts/make-icon.mjs
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const SIZE = 128;
const SAMPLES = 4;
const BLUE = [31, 58, 95];
const PAGE = [255, 255, 255];
const FOLD = [201, 214, 227];
const GREEN = [46, 157, 91];

const inRoundRect = (x, y, x0, y0, x1, y1, r) => {
  if (x < x0 || x > x1 || y < y0 || y > y1) return false;
  const cx = Math.min(Math.max(x, x0 + r), x1 - r);
  const cy = Math.min(Math.max(y, y0 + r), y1 - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
};
const inPolygon = (x, y, pts) => {
  let inside = false;
  for (let i = 0, j = pts.length - 1; i < pts.length; j = i++) {
    const [xi, yi] = pts[i];
    const [xj, yj] = pts[j];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
};
const nearSegment = (x, y, [ax, ay], [bx, by], width) => {
  const t = Math.max(0, Math.min(1, ((x - ax) * (bx - ax) + (y - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2)));
  return (x - ax - t * (bx - ax)) ** 2 + (y - ay - t * (by - ay)) ** 2 <= (width / 2) ** 2;
};

/** The colour at a point, or undefined where the icon is transparent; later shapes paint over earlier ones. */
function colourAt(x, y) {
  let c;
  if (inRoundRect(x, y, 4, 4, 124, 124, 18)) c = BLUE;
  if (
    inPolygon(x, y, [
      [34, 18],
      [78, 18],
      [96, 36],
      [96, 110],
      [34, 110],
    ])
  )
    c = PAGE;
  if (
    inPolygon(x, y, [
      [78, 18],
      [78, 36],
      [96, 36],
    ])
  )
    c = FOLD;
  for (const [y0, x1] of [
    [48, 86],
    [60, 86],
    [72, 70],
  ])
    if (nearSegment(x, y, [44, y0], [x1, y0], 4)) c = BLUE;
  if (nearSegment(x, y, [52, 90], [63, 101], 8) || nearSegment(x, y, [63, 101], [86, 78], 8)) c = GREEN;
  return c;
}

const raw = Buffer.alloc(SIZE * (SIZE * 4 + 1));
for (let py = 0; py < SIZE; py++) {
  raw[py * (SIZE * 4 + 1)] = 0; // no filter
  for (let px = 0; px < SIZE; px++) {
    const sum = [0, 0, 0, 0];
    for (let sy = 0; sy < SAMPLES; sy++) {
      for (let sx = 0; sx < SAMPLES; sx++) {
        const c = colourAt(px + (sx + 0.5) / SAMPLES, py + (sy + 0.5) / SAMPLES);
        if (!c) continue;
        sum[0] += c[0];
        sum[1] += c[1];
        sum[2] += c[2];
        sum[3] += 255;
      }
    }
    const n = sum[3] / 255;
    const at = py * (SIZE * 4 + 1) + 1 + px * 4;
    raw[at] = n ? Math.round(sum[0] / n) : 0;
    raw[at + 1] = n ? Math.round(sum[1] / n) : 0;
    raw[at + 2] = n ? Math.round(sum[2] / n) : 0;
    raw[at + 3] = Math.round(sum[3] / (SAMPLES * SAMPLES));
  }
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const body = Buffer.concat([Buffer.from(type), data]);
  const out = Buffer.alloc(body.length + 8);
  out.writeUInt32BE(data.length, 0);
  body.copy(out, 4);
  out.writeUInt32BE(crc32(body), body.length + 4);
  return out;
};
const header = Buffer.alloc(13);
header.writeUInt32BE(SIZE, 0);
header.writeUInt32BE(SIZE, 4);
header[8] = 8; // bit depth
header[9] = 6; // RGBA
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', header),
  chunk('IDAT', deflateSync(raw)),
  chunk('IEND', Buffer.alloc(0)),
]);
writeFileSync(new URL('../images/icon.png', import.meta.url), png);
console.log(`images/icon.png: ${png.length} bytes`);
