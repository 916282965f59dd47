import { describe, expect, it } from 'vitest';
import { findRedRuns, isRedColour } from '../../lib/detect/colour.ts';
import type { ColourRun } from '../../lib/types.ts';
import { LINEAR_BOUND_MS } from '../helpers/bounds.ts';

// Gmail's text colour palette, by column (grey, red, orange, yellow, green, cyan, blue,
// purple, magenta), top row to bottom row.
const GMAIL_REDS = ['#ff0000', '#f4cccc', '#ea9999', '#e06666', '#cc0000', '#990000', '#660000'];
const GMAIL_NOT_RED = [
  // greys
  '#000000', '#444444', '#666666', '#999999', '#cccccc', '#eeeeee', '#f3f3f3', '#ffffff',
  // orange
  '#ff9900', '#fce5cd', '#f9cb9c', '#f6b26b', '#e69138', '#b45f06', '#783f04',
  // yellow
  '#ffff00', '#fff2cc', '#ffe599', '#ffd966', '#f1c232', '#bf9000', '#7f6000',
  // green
  '#00ff00', '#d9ead3', '#b6d7a8', '#93c47d', '#6aa84f', '#38761d', '#274e13',
  // cyan
  '#00ffff', '#d0e0e3', '#a2c4c9', '#76a5af', '#45818e', '#134f5c', '#0c343d',
  // blue
  '#0000ff', '#cfe2f3', '#9fc5e8', '#6fa8dc', '#3d85c6', '#0b5394', '#073763',
  // purple
  '#9900ff', '#d9d2e9', '#b4a7d6', '#8e7cc3', '#674ea7', '#351c75', '#20124d',
  // magenta
  '#ff00ff', '#ead1dc', '#d5a6bd', '#c27ba0', '#a64d79', '#741b47', '#4c1130',
];

const RED = [
  ...GMAIL_REDS,
  'red', 'RED', ' Red ', 'darkred', 'maroon', 'crimson', 'firebrick', 'indianred', 'brown',
  'tomato', 'orangered', 'coral', 'salmon', 'darksalmon', 'lightcoral', 'pink',
  '#F00', '#f00f', '#600', '#8b0000', '#ff9999', '#FF0000FF', 'cc0000',
  'rgb(255,0,0)', 'rgb( 204 , 0 , 0 )', 'rgb(255 0 0)', 'rgb(100%, 0%, 0%)',
  'rgba(255, 0, 0, 0.8)', 'rgb(255 0 0 / 50%)', 'rgba(153,0,0,1)',
  'hsl(0, 100%, 50%)', 'hsl(360 100% 40%)', 'hsla(350, 80%, 45%, 1)', 'hsl(10deg 90% 50%)',
  'HSL(0,100%,30%)', '#cc0000 !important', 'red!important', 'rgb(200,0,0) ! IMPORTANT',
];

const NOT_RED = [
  ...GMAIL_NOT_RED,
  'black', 'white', 'gray', 'grey', 'silver', 'blue', 'navy', 'green', 'orange', 'gold',
  'purple', 'violet', 'hotpink', 'deeppink', 'palevioletred', 'lightsalmon', 'sienna',
  'chocolate', 'rosybrown', 'mistyrose', 'snow', '#330000', '#1a0000', '#cc9999',
  'transparent', 'currentColor', 'inherit', 'initial', 'unset', '', '   ', 'notacolour',
  '#ff00', '#gg0000', 'rgb(255,0,0,)', 'rgba(255, 0, 0, 0)', 'rgba(255, 0, 0, 0.1)',
  'hsl(20, 100%, 50%)', 'hsl(330 100% 50%)', 'hsl(0, 10%, 50%)', 'var(--red)',
  'red'.repeat(500), '#0f0 !important',
];

describe('isRedColour', () => {
  it.each(RED)('%j is red', (css) => {
    expect(isRedColour(css)).toBe(true);
  });

  it.each(NOT_RED)('%j is not red', (css) => {
    expect(isRedColour(css)).toBe(false);
  });

  it('never throws on non-string input', () => {
    expect(isRedColour(undefined as unknown as string)).toBe(false);
    expect(isRedColour(42 as unknown as string)).toBe(false);
  });

  it('gives the same answer from its cache', () => {
    for (let k = 0; k < 3; k += 1) {
      expect(isRedColour('#c00')).toBe(true);
      expect(isRedColour('#00c')).toBe(false);
    }
  });
});

describe('findRedRuns', () => {
  const run = (start: number, end: number, color: string): ColourRun => ({ start, end, color });

  it('keeps red runs and drops the others', () => {
    const text = 'See my answer below and the note.';
    const runs = [run(0, 3, '#0000ff'), run(4, 13, 'red'), run(28, 32, 'green')];
    expect(findRedRuns(runs, text)).toEqual([{ start: 4, end: 13, color: 'red' }]);
  });

  it('merges touching runs and runs separated only by whitespace', () => {
    const text = 'Answer: yes and also   no';
    const runs = [run(0, 7, '#cc0000'), run(7, 11, 'rgb(200,0,0)'), run(22, 25, 'darkred')];
    const found = findRedRuns(runs, text);
    expect(found).toEqual([{ start: 0, end: 11, color: '#cc0000' }, { start: 23, end: 25, color: 'darkred' }]);
    const spaced = 'one   two';
    expect(findRedRuns([run(0, 3, 'red'), run(6, 9, 'crimson')], spaced)).toEqual([
      { start: 0, end: 9, color: 'red' },
    ]);
  });

  it('ignores runs that hold only whitespace and trims the rest to visible text', () => {
    const text = 'a   \n  b  c';
    const found = findRedRuns([run(1, 7, 'red'), run(7, 10, '#f00')], text);
    expect(found).toEqual([{ start: 7, end: 8, color: '#f00' }]);
    expect(text.slice(found[0]!.start, found[0]!.end)).toBe('b');
  });

  it('does not merge across a non-red word', () => {
    const text = 'red blue red';
    const runs = [run(8, 12, 'red'), run(0, 3, 'red'), run(4, 8, 'blue')];
    expect(findRedRuns(runs, text).map((r) => text.slice(r.start, r.end))).toEqual(['red', 'red']);
  });

  it('clamps runs beyond the text and skips broken ones', () => {
    const text = 'short';
    const runs = [run(2, 99, 'red'), run(4, 1, 'red'), run(NaN, 3, 'red'), run(50, 60, 'red')];
    expect(findRedRuns(runs, text)).toEqual([{ start: 2, end: 5, color: 'red' }]);
    expect(findRedRuns(null as unknown as ColourRun[], text)).toEqual([]);
  });

  it('handles 200 KB of runs quickly', () => {
    const text = 'ab '.repeat(70_000);
    const runs: ColourRun[] = [];
    for (let k = 0; k < text.length; k += 3) runs.push(run(k, k + 2, k % 6 === 0 ? 'red' : '#c00'));
    const started = performance.now();
    const found = findRedRuns(runs, text);
    expect(performance.now() - started).toBeLessThan(LINEAR_BOUND_MS);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ start: 0, end: text.length - 1 });
  });
});
