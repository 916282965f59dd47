import { mkdirSync, writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

// Draws the toolbar icon (a white staircase on a teal rounded square) at every size the
// stores ask for, as PNGs in public/icon/, which WXT puts in both manifests. Run with
// `npm run icons` after changing the drawing; the PNGs are committed.

const SIZES = [16, 32, 48, 96, 128];
const TEAL = [15, 118, 110];
const WHITE = [255, 255, 255];
const SUPERSAMPLE = 4;

function insideRoundedSquare(x: number, y: number, radius: number): boolean {
  const cx = Math.min(Math.max(x, radius), 1 - radius);
  const cy = Math.min(Math.max(y, radius), 1 - radius);
  return (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2;
}

// Three steps rising to the right: each rectangle runs from its tread down to the base.
const STEPS: [x0: number, x1: number, top: number][] = [
  [0.18, 0.42, 0.62],
  [0.4, 0.62, 0.42],
  [0.6, 0.82, 0.22],
];
const BASE = 0.8;

function onStairs(x: number, y: number): boolean {
  return STEPS.some(([x0, x1, top]) => x >= x0 && x <= x1 && y >= top && y <= BASE);
}

function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k += 1) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const out = Buffer.alloc(body.length + 8);
  out.writeUInt32BE(data.length, 0);
  body.copy(out, 4);
  out.writeUInt32BE(crc32(body), body.length + 4);
  return out;
}

function png(size: number): Buffer {
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let py = 0; py < size; py += 1) {
    rows[py * (size * 4 + 1)] = 0; // filter: none
    for (let px = 0; px < size; px += 1) {
      let cover = 0;
      let white = 0;
      for (let sy = 0; sy < SUPERSAMPLE; sy += 1) {
        for (let sx = 0; sx < SUPERSAMPLE; sx += 1) {
          const x = (px + (sx + 0.5) / SUPERSAMPLE) / size;
          const y = (py + (sy + 0.5) / SUPERSAMPLE) / size;
          if (!insideRoundedSquare(x, y, 0.22)) continue;
          cover += 1;
          if (onStairs(x, y)) white += 1;
        }
      }
      const at = py * (size * 4 + 1) + 1 + px * 4;
      const mix = cover === 0 ? 0 : white / cover;
      for (let c = 0; c < 3; c += 1) rows[at + c] = Math.round(TEAL[c]! * (1 - mix) + WHITE[c]! * mix);
      rows[at + 3] = Math.round((255 * cover) / SUPERSAMPLE ** 2);
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', new Uint8Array()),
  ]);
}

const dir = new URL('../public/icon/', import.meta.url);
mkdirSync(dir, { recursive: true });
for (const size of SIZES) writeFileSync(new URL(`${size}.png`, dir), png(size));
console.log(`wrote ${SIZES.map((s) => `${s}.png`).join(', ')} to public/icon/`);
