import type { Sentence } from '../../lib/types.ts';

// Stand-in for lib/text/sentences.ts while it is being written: a sentence ends at . ! ?
// followed by whitespace, or at a line break. Good enough for the hand-written drafts here.
export function splitByHand(text: string): Sentence[] {
  const out: Sentence[] = [];
  const re = /[^.!?\n]+(?:[.!?]+|$)/g;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    const raw = m[0];
    const lead = raw.length - raw.trimStart().length;
    const body = raw.trim();
    if (body.length === 0) continue;
    const start = m.index + lead;
    out.push({ text: body, start, end: start + body.length });
  }
  return out;
}

/** One sentence covering the whole string, for table tests. */
export function one(text: string, start = 0): Sentence[] {
  return [{ text, start, end: start + text.length }];
}
