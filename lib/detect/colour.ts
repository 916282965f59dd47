import { colord, extend } from 'colord';
import namesPlugin from 'colord/plugins/names';
import type { ColourRun } from '../types.ts';

extend([namesPlugin]);

// When is a text colour "red or near-red"? Measured in HSL after painting the colour onto a
// white page (mail is read on white; a half-transparent red shows as pink, a 10% one as
// almost white):
//
// - Hue at or above 345° or at or below 17°. The lower edge keeps crimson (348°) and pink
//   (350°) and leaves out pale violet red (340°), hot pink (330°) and Gmail's magenta column
//   (~330°). The upper edge keeps tomato (9°), Gmail's "red berry" column (~10°), orange red
//   and coral (16°): a reader sees those as red. It leaves out light salmon (17.1°), sienna
//   (19°), chocolate (25°) and Gmail's orange column (30–36°).
// - Saturation at least 0.35: rosy brown (0.25) and greyish pinks read as grey, not red.
// - Lightness from 0.12 to 0.9: below that a red reads as black (#330000 is 0.10; Gmail's
//   darkest red #660000 is 0.20), above it as white (misty rose is 0.94).
//
// Gmail's palest red, #f4cccc (lightness 0.88), counts: the writer picked it from the red
// column, and the rule exists so the customer never reads our words in alarm colours. Pink
// (0.88) counts for the same reason; pick another colour for inline answers.

const HUE_FROM = 345;
const HUE_TO = 17;
const MIN_SATURATION = 0.35;
const MIN_LIGHTNESS = 0.12;
const MAX_LIGHTNESS = 0.9;

const MAX_INPUT = 200;
const IMPORTANT = /!\s*important\s*$/i;
// `<font color="cc0000">`: browsers read a bare hex code in the legacy attribute, so do we.
const BARE_HEX = /^(?:[0-9a-f]{3}|[0-9a-f]{6})$/i;

function hsl(r: number, g: number, b: number): { h: number; s: number; l: number } {
  const max = Math.max(r, g, b);
  const min = Math.min(r, g, b);
  const l = (max + min) / 2;
  const d = max - min;
  if (d === 0) return { h: 0, s: 0, l };
  const s = d / (1 - Math.abs(2 * l - 1));
  let h: number;
  if (max === r) h = ((g - b) / d + 6) % 6;
  else if (max === g) h = (b - r) / d + 2;
  else h = (r - g) / d + 4;
  return { h: h * 60, s, l };
}

const cache = new Map<string, boolean>();
const CACHE_LIMIT = 512;

function judge(css: string): boolean {
  let value = css.trim().replace(IMPORTANT, '').trim();
  if (value.length === 0 || value.length > MAX_INPUT) return false;
  if (BARE_HEX.test(value)) value = `#${value}`;
  const colour = colord(value.toLowerCase());
  if (!colour.isValid()) return false;
  const { r, g, b, a } = colour.toRgb();
  const over = (channel: number) => (a * channel + (1 - a) * 255) / 255;
  const { h, s, l } = hsl(over(r), over(g), over(b));
  const redHue = h >= HUE_FROM || h <= HUE_TO;
  return redHue && s >= MIN_SATURATION && l >= MIN_LIGHTNESS && l <= MAX_LIGHTNESS;
}

/** True when text in this CSS colour would read as red or near-red on a white page. */
export function isRedColour(css: string): boolean {
  if (typeof css !== 'string') return false;
  const known = cache.get(css);
  if (known !== undefined) return known;
  let red = false;
  try {
    red = judge(css);
  } catch {
    red = false;
  }
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(css, red);
  return red;
}

export interface RedRun {
  start: number;
  end: number;
  /** The colour as written on the first run of the merged stretch. */
  color: string;
}

const BLANK = /^\s*$/u;

function trimmed(text: string, start: number, end: number): [number, number] {
  let s = start;
  let e = end;
  while (s < e && /\s/u.test(text[s] ?? '')) s += 1;
  while (e > s && /\s/u.test(text[e - 1] ?? '')) e -= 1;
  return [s, e];
}

/**
 * Red stretches of the text: red runs that touch, or are separated only by whitespace, are
 * merged; runs holding only whitespace are dropped (a red space is invisible); ranges are
 * trimmed to the visible characters.
 */
export function findRedRuns(colours: readonly ColourRun[], text: string): RedRun[] {
  if (!Array.isArray(colours) || typeof text !== 'string') return [];
  const red = colours
    .filter(
      (run) =>
        Number.isInteger(run.start) &&
        Number.isInteger(run.end) &&
        run.start < run.end &&
        run.start < text.length &&
        isRedColour(run.color),
    )
    .map((run) => ({
      start: Math.max(0, run.start),
      end: Math.min(text.length, run.end),
      color: run.color,
    }))
    .filter((run) => !BLANK.test(text.slice(run.start, run.end)))
    .sort((x, y) => x.start - y.start || x.end - y.end);

  const out: RedRun[] = [];
  for (const run of red) {
    const previous = out[out.length - 1];
    if (previous !== undefined && BLANK.test(text.slice(previous.end, Math.max(previous.end, run.start)))) {
      previous.end = Math.max(previous.end, run.end);
      continue;
    }
    out.push({ ...run });
  }
  for (const run of out) [run.start, run.end] = trimmed(text, run.start, run.end);
  return out;
}
