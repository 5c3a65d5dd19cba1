// Draws the app icons (`public/icons/*.png`) from the same shape as `public/favicon.svg`: a
// teal tile with four white rounded bars, a spine. No image library: the PNG bytes are written
// here (RGBA, deflated), with 4×4 supersampling for smooth edges. The maskable icons fill the
// whole square and keep the bars inside the central safe zone (80 %), as Android's masks cut
// the corners. Run once after changing the shape: `node packages/web/scripts/make-icons.mjs`.
/* global Buffer */
import { mkdirSync, writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const TEAL = [0x1f, 0x5f, 0x6b];
const WHITE = [0xff, 0xff, 0xff];
const OUT = new URL('../public/icons/', import.meta.url);

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes) {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = CRC_TABLE[(crc ^ byte) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function png(size, pixels) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y += 1) {
    rows[y * (size * 4 + 1)] = 0; // no filter
    pixels.copy(rows, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Inside a rounded rectangle (x, y, width, height, radius), all in 0–1 of the icon. */
function inRounded(px, py, [x, y, w, h, r]) {
  if (px < x || px > x + w || py < y || py > y + h) return false;
  const cx = Math.min(Math.max(px, x + r), x + w - r);
  const cy = Math.min(Math.max(py, y + r), y + h - r);
  return (px - cx) ** 2 + (py - cy) ** 2 <= r * r;
}

/** The favicon's geometry (a 32-unit square), scaled into `inset`–`1 - inset`. */
function shapes(maskable) {
  const tile = maskable ? [0, 0, 1, 1, 0] : [0, 0, 1, 1, 7 / 32];
  const inset = maskable ? 0.2 : 0;
  const scale = (1 - 2 * inset) / 32;
  const bars = [5, 11, 17, 23].map((top) => [
    inset + 13 * scale,
    inset + top * scale,
    6 * scale,
    4 * scale,
    2 * scale,
  ]);
  return { tile, bars };
}

function draw(size, maskable) {
  const { tile, bars } = shapes(maskable);
  const pixels = Buffer.alloc(size * size * 4);
  const samples = 4;
  for (let y = 0; y < size; y += 1) {
    for (let x = 0; x < size; x += 1) {
      let inTile = 0;
      let inBar = 0;
      for (let sy = 0; sy < samples; sy += 1) {
        for (let sx = 0; sx < samples; sx += 1) {
          const px = (x + (sx + 0.5) / samples) / size;
          const py = (y + (sy + 0.5) / samples) / size;
          if (!inRounded(px, py, tile)) continue;
          inTile += 1;
          if (bars.some((bar) => inRounded(px, py, bar))) inBar += 1;
        }
      }
      const total = samples * samples;
      const offset = (y * size + x) * 4;
      if (inTile === 0) continue;
      const white = inBar / inTile;
      for (let channel = 0; channel < 3; channel += 1) {
        pixels[offset + channel] = Math.round(TEAL[channel] * (1 - white) + WHITE[channel] * white);
      }
      pixels[offset + 3] = Math.round((inTile / total) * 255);
    }
  }
  return png(size, pixels);
}

mkdirSync(OUT, { recursive: true });
for (const [name, size, maskable] of [
  ['icon-192.png', 192, false],
  ['icon-512.png', 512, false],
  ['maskable-192.png', 192, true],
  ['maskable-512.png', 512, true],
  ['apple-touch-icon.png', 180, true],
]) {
  writeFileSync(new URL(name, OUT), draw(size, maskable));
  console.log(`wrote public/icons/${name}`);
}
