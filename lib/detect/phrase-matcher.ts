// One matcher for every phrase table (next steps, status, expectations, ownership dodges).
//
// Phrase syntax, meant to be edited by people who do not program:
//   - Words separated by spaces. Case, curly vs straight apostrophes and contractions do
//     not matter: "I'll" is read as "I will", "we’ve" as "we have", "won't" as "will not",
//     both in the table and in the draft, so a table only needs the long form.
//   - `{name}`  one of the alternatives listed under `name` in the slots.
//   - `{name?}` the same, or nothing.
//   - `{...}`   any 1 to 6 words (at most two per phrase; never first or last).
//   - `^` as the very first character: only at the start of the sentence.
//   - `:` `,` `;` `.` `?` `!` match themselves; other punctuation (quotes, dashes,
//     brackets, slashes) is ignored, so "follow-up" reads as "follow up".
//
// All phrases of a table share one tree, walked from each word of the draft; a phrase has a
// bounded length (gaps are bounded too), so the work per word is bounded and the whole is
// linear in the text. No regular expression runs over the draft except the tokenizer's, which cannot
// backtrack (a letter run, then apostrophe-led letter runs).

export type PhraseEntry = string | PhraseRow;

export interface PhraseRow {
  phrase: string;
  /** Why this phrase is in the table, for the next person who edits it. */
  note?: string;
  /** What to tell the writer when this phrase is found (ownership uses it). */
  suggestion?: string;
}

export type Slots = Readonly<Record<string, readonly string[]>>;

export interface PhraseTable {
  phrases: readonly PhraseEntry[];
  /** Phrases that cancel an overlapping match of `phrases` (e.g. "… by me"). */
  exceptions?: readonly PhraseEntry[];
  slots?: Slots;
}

export interface Token {
  /** Lower case, straight apostrophes, contractions expanded. */
  norm: string;
  start: number;
  end: number;
}

export interface PhraseMatch {
  /** Offsets into the text given to the matcher. */
  start: number;
  end: number;
  /** The matched words as written in the text. */
  text: string;
  row: PhraseRow;
}

export interface PhraseMatcher {
  /** Leftmost-longest, non-overlapping matches, minus those an exception overlaps. */
  findAll(text: string): PhraseMatch[];
  test(text: string): boolean;
  /** Table mistakes (unknown slot, bad gap); the offending phrase is skipped. */
  readonly problems: readonly string[];
}

// ---------------------------------------------------------------------------------------
// Tokenizer
// ---------------------------------------------------------------------------------------

const WORD_OR_MARK = /[\p{L}\p{N}\p{M}]+(?:['’‘ʼ][\p{L}\p{N}\p{M}]+)*|[:;,.?!]/gu;
const APOSTROPHES = /[’‘ʼ]/g;

// "'s" is only expanded after pronouns; after nouns it is a possessive ("customer's").
const S_CONTRACTIONS: Readonly<Record<string, string>> = {
  it: 'is',
  that: 'is',
  here: 'is',
  there: 'is',
  what: 'is',
  who: 'is',
  where: 'is',
  how: 'is',
  he: 'is',
  she: 'is',
  let: 'us',
};

const SUFFIXES: Readonly<Record<string, string>> = {
  ll: 'will',
  ve: 'have',
  re: 'are',
  m: 'am',
  d: 'would',
};

const NOT_STEMS: Readonly<Record<string, string>> = { wo: 'will', ca: 'can', sha: 'shall', ai: 'is' };

// "It's been fixed" is "it has been", "we'd been told" is "we had been".
const BEFORE_BEEN: Readonly<Record<string, string>> = { is: 'has', would: 'had' };

function pushExpanded(out: Token[], word: string, start: number, end: number): void {
  const quote = word.lastIndexOf("'");
  if (quote > 0) {
    const head = word.slice(0, quote);
    const tail = word.slice(quote + 1);
    // Lower-casing can lengthen a word ("İ"), so split points are clamped to the source.
    const at = (offset: number) => Math.min(end, start + offset);
    if (tail === 't' && head.endsWith('n') && head.length > 1) {
      const stem = head.slice(0, -1);
      out.push({ norm: NOT_STEMS[stem] ?? stem, start, end: at(stem.length) });
      out.push({ norm: 'not', start: at(stem.length), end });
      return;
    }
    const expanded = tail === 's' ? S_CONTRACTIONS[head] : SUFFIXES[tail];
    if (expanded !== undefined) {
      out.push({ norm: head, start, end: at(quote) });
      out.push({ norm: expanded, start: at(quote), end });
      return;
    }
  }
  out.push({ norm: word, start, end });
}

/** Splits text into normalised words and the few punctuation marks phrases may name. */
export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  if (typeof text !== 'string' || text.length === 0) return out;
  WORD_OR_MARK.lastIndex = 0;
  for (let m = WORD_OR_MARK.exec(text); m !== null; m = WORD_OR_MARK.exec(text)) {
    const source = m[0];
    const word = source.toLowerCase().replace(APOSTROPHES, "'");
    const before = out.length;
    pushExpanded(out, word, m.index, m.index + source.length);
    const previous = out[before - 1];
    if (word === 'been' && previous !== undefined && before >= 2 && out[before - 2]?.end === previous.start) {
      previous.norm = BEFORE_BEEN[previous.norm] ?? previous.norm;
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------
// Compiling
// ---------------------------------------------------------------------------------------

interface Trie {
  next: Map<string, Trie>;
  terminal: boolean;
}

type Part =
  | { kind: 'word'; word: string }
  | { kind: 'slot'; name: string; trie: Trie; optional: boolean }
  | { kind: 'gap' };

const GAP_MAX = 6;
const MAX_GAPS = 2;
// Guards a table that nests slots into each other enough to explode.
const MAX_SLOT_SEQUENCES = 5000;
const SENTENCE_END = new Set(['.', '?', '!']);

type RawPart = { kind: 'text'; text: string } | { kind: 'slot'; name: string; optional: boolean };

function splitPhrase(phrase: string): RawPart[] {
  const parts: RawPart[] = [];
  let last = 0;
  const slotRe = /\{([^{}]{1,40})\}/g;
  for (let m = slotRe.exec(phrase); m !== null; m = slotRe.exec(phrase)) {
    if (m.index > last) parts.push({ kind: 'text', text: phrase.slice(last, m.index) });
    const inner = (m[1] ?? '').trim();
    const optional = inner.endsWith('?');
    parts.push({ kind: 'slot', name: optional ? inner.slice(0, -1).trim() : inner, optional });
    last = m.index + m[0].length;
  }
  if (last < phrase.length) parts.push({ kind: 'text', text: phrase.slice(last) });
  return parts;
}

function newTrie(): Trie {
  return { next: new Map(), terminal: false };
}

class Compiler {
  readonly problems: string[] = [];
  private readonly slotTries = new Map<string, Trie | null>();

  constructor(private readonly slots: Slots) {}

  /** Every word sequence a slot stands for, nested slots expanded (no gaps inside slots). */
  private slotSequences(name: string, depth: number): string[][] | null {
    const alternatives = Object.prototype.hasOwnProperty.call(this.slots, name)
      ? this.slots[name]
      : undefined;
    if (alternatives === undefined) {
      this.problems.push(`unknown slot {${name}}`);
      return null;
    }
    if (depth > 4) {
      this.problems.push(`slot {${name}} nests too deeply`);
      return null;
    }
    const result: string[][] = [];
    for (const alternative of alternatives) {
      let partial: string[][] = [[]];
      for (const raw of splitPhrase(alternative)) {
        if (raw.kind === 'text') {
          const words = tokenize(raw.text).map((t) => t.norm);
          partial = partial.map((p) => p.concat(words));
          continue;
        }
        if (raw.name === '...') {
          this.problems.push(`slot {${name}} may not contain a gap`);
          return null;
        }
        const inner = this.slotSequences(raw.name, depth + 1);
        if (inner === null) return null;
        const grown: string[][] = raw.optional ? partial.slice() : [];
        for (const p of partial) for (const seq of inner) grown.push(p.concat(seq));
        partial = grown;
        if (partial.length > MAX_SLOT_SEQUENCES) {
          this.problems.push(`slot {${name}} expands to too many phrases`);
          return null;
        }
      }
      for (const p of partial) if (p.length > 0) result.push(p);
      if (result.length > MAX_SLOT_SEQUENCES) {
        this.problems.push(`slot {${name}} expands to too many phrases`);
        return null;
      }
    }
    return result;
  }

  slotTrie(name: string): Trie | null {
    if (this.slotTries.has(name)) return this.slotTries.get(name) ?? null;
    const sequences = this.slotSequences(name, 0);
    let trie: Trie | null = null;
    if (sequences !== null) {
      trie = newTrie();
      for (const seq of sequences) {
        let node = trie;
        for (const word of seq) {
          let child = node.next.get(word);
          if (child === undefined) {
            child = newTrie();
            node.next.set(word, child);
          }
          node = child;
        }
        node.terminal = true;
      }
    }
    this.slotTries.set(name, trie);
    return trie;
  }

  /** Parts of one phrase, or null (with a problem noted) when it cannot be used. */
  parts(phrase: string): { parts: Part[]; anchored: boolean } | null {
    let source = phrase.trim();
    const anchored = source.startsWith('^');
    if (anchored) source = source.slice(1);
    const parts: Part[] = [];
    let gaps = 0;
    for (const raw of splitPhrase(source)) {
      if (raw.kind === 'text') {
        for (const t of tokenize(raw.text)) parts.push({ kind: 'word', word: t.norm });
      } else if (raw.name === '...') {
        gaps += 1;
        parts.push({ kind: 'gap' });
      } else {
        const trie = this.slotTrie(raw.name);
        if (trie === null) {
          this.problems.push(`phrase "${phrase}" skipped`);
          return null;
        }
        parts.push({ kind: 'slot', name: raw.name, trie, optional: raw.optional });
      }
    }
    if (parts.length === 0) {
      this.problems.push(`phrase "${phrase}" has no words`);
      return null;
    }
    if (gaps > MAX_GAPS) {
      this.problems.push(`phrase "${phrase}" has more than ${MAX_GAPS} gaps`);
      return null;
    }
    if (parts[0]?.kind === 'gap' || parts[parts.length - 1]?.kind === 'gap') {
      this.problems.push(`phrase "${phrase}" may not start or end with a gap`);
      return null;
    }
    return { parts, anchored };
  }
}

/**
 * Every phrase of a table in one tree of parts, so phrases that share a beginning
 * ("{subject?} {will be} looked into", "{subject?} {will be} handled") are walked once and
 * the next word is a map lookup rather than a try per phrase.
 */
interface PartNode {
  words: Map<string, PartNode>;
  slots: { key: string; trie: Trie; optional: boolean; child: PartNode }[];
  gap?: PartNode;
  /** The earliest table row that ends here. */
  row?: PhraseRow;
  order: number;
}

function newPartNode(): PartNode {
  return { words: new Map(), slots: [], order: Infinity };
}

function addPhrase(root: PartNode, parts: readonly Part[], row: PhraseRow, order: number): void {
  let node = root;
  for (const part of parts) {
    if (part.kind === 'word') {
      let child = node.words.get(part.word);
      if (child === undefined) {
        child = newPartNode();
        node.words.set(part.word, child);
      }
      node = child;
    } else if (part.kind === 'gap') {
      node.gap ??= newPartNode();
      node = node.gap;
    } else {
      const key = `${part.name}${part.optional ? '?' : ''}`;
      let edge = node.slots.find((e) => e.key === key);
      if (edge === undefined) {
        edge = { key, trie: part.trie, optional: part.optional, child: newPartNode() };
        node.slots.push(edge);
      }
      node = edge.child;
    }
  }
  if (order < node.order) {
    node.order = order;
    node.row = row;
  }
}

interface Reach {
  /** Exclusive token index. */
  end: number;
  order: number;
  row?: PhraseRow;
}

function better(a: Reach, b: Reach): Reach {
  if (b.row === undefined) return a;
  if (a.row === undefined || b.end > a.end || (b.end === a.end && b.order < a.order)) return b;
  return a;
}

/** The longest (then earliest-listed) phrase that matches from `pos`. */
function walk(node: PartNode, pos: number, tokens: readonly Token[]): Reach {
  let best: Reach = node.row === undefined ? { end: -1, order: Infinity } : { end: pos, order: node.order, row: node.row };
  const token = tokens[pos];
  if (token !== undefined) {
    const child = node.words.get(token.norm);
    if (child !== undefined) best = better(best, walk(child, pos + 1, tokens));
  }
  for (const edge of node.slots) {
    if (edge.optional) best = better(best, walk(edge.child, pos, tokens));
    let t: Trie | undefined = edge.trie;
    for (let p = pos; t !== undefined; p += 1) {
      if (t.terminal && p > pos) best = better(best, walk(edge.child, p, tokens));
      const next = tokens[p];
      t = next === undefined ? undefined : t.next.get(next.norm);
    }
  }
  if (node.gap !== undefined) {
    for (let len = 1; len <= GAP_MAX; len += 1) {
      const skipped = tokens[pos + len - 1];
      if (skipped === undefined || SENTENCE_END.has(skipped.norm)) break;
      best = better(best, walk(node.gap, pos + len, tokens));
    }
  }
  return best;
}

interface Index {
  plain: PartNode;
  anchored: PartNode;
  count: number;
}

interface RawMatch {
  first: number;
  /** Exclusive token index. */
  end: number;
  row: PhraseRow;
}

function scan(index: Index, tokens: readonly Token[], stopAtFirst: boolean): RawMatch[] {
  const out: RawMatch[] = [];
  if (index.count === 0) return out;
  let i = 0;
  while (i < tokens.length) {
    let best = walk(index.plain, i, tokens);
    if (i === 0) best = better(best, walk(index.anchored, i, tokens));
    if (best.row !== undefined && best.end > i) {
      out.push({ first: i, end: best.end, row: best.row });
      if (stopAtFirst) break;
      i = best.end;
    } else {
      i += 1;
    }
  }
  return out;
}

function toRow(entry: PhraseEntry): PhraseRow {
  return typeof entry === 'string' ? { phrase: entry } : entry;
}

function buildIndex(entries: readonly PhraseEntry[], compiler: Compiler): Index {
  const index: Index = { plain: newPartNode(), anchored: newPartNode(), count: 0 };
  entries.forEach((entry, order) => {
    const row = toRow(entry);
    if (typeof row?.phrase !== 'string') {
      compiler.problems.push(`row ${order} has no phrase`);
      return;
    }
    const compiled = compiler.parts(row.phrase);
    if (compiled === null) return;
    addPhrase(compiled.anchored ? index.anchored : index.plain, compiled.parts, row, order);
    index.count += 1;
  });
  return index;
}

/** Compiles a table once; keep the result at module level and reuse it on every check. */
export function compilePhrases(table: PhraseTable): PhraseMatcher {
  const compiler = new Compiler(table.slots ?? {});
  const positives = buildIndex(table.phrases, compiler);
  const exceptions = buildIndex(table.exceptions ?? [], compiler);
  const problems: readonly string[] = compiler.problems.slice();

  function findAllIn(tokens: readonly Token[], text: string, stopAtFirst: boolean): PhraseMatch[] {
    // Without exceptions the first match is final, so a yes/no question can stop there.
    const found = scan(positives, tokens, stopAtFirst && exceptions.count === 0);
    if (found.length === 0) return [];
    const cancels = scan(exceptions, tokens, false);
    const out: PhraseMatch[] = [];
    let c = 0;
    for (const m of found) {
      // Both lists are ordered and non-overlapping, so one forward pointer suffices.
      while (c < cancels.length && (cancels[c]?.end ?? 0) <= m.first) c += 1;
      const cancel = cancels[c];
      if (cancel !== undefined && cancel.first < m.end) continue;
      const start = tokens[m.first]?.start ?? 0;
      const end = tokens[m.end - 1]?.end ?? start;
      out.push({ start, end, text: text.slice(start, end), row: m.row });
      if (stopAtFirst) break;
    }
    return out;
  }

  return {
    problems,
    findAll(text: string): PhraseMatch[] {
      return findAllIn(sharedTokens(text), text, false);
    },
    test(text: string): boolean {
      return findAllIn(sharedTokens(text), text, true).length > 0;
    },
  };
}

// One check runs a dozen tables over the same draft sentences; each sentence is tokenized
// once and its tokens shared (they are only read). Bounded, and cleared between analyses
// when a caller wants every reading made afresh.
const tokenCache = new Map<string, readonly Token[]>();
const TOKEN_CACHE_LIMIT = 512;
const TOKEN_CACHE_MAX_TEXT = 4096;

function sharedTokens(text: string): readonly Token[] {
  if (typeof text !== 'string' || text.length > TOKEN_CACHE_MAX_TEXT) return tokenize(text);
  let tokens = tokenCache.get(text);
  if (tokens === undefined) {
    tokens = tokenize(text);
    if (tokenCache.size >= TOKEN_CACHE_LIMIT) tokenCache.clear();
    tokenCache.set(text, tokens);
  }
  return tokens;
}

/** Forgets the shared tokens. */
export function clearPhraseMatcherCache(): void {
  tokenCache.clear();
}

/** The sentences in which the matcher finds at least one phrase, in order. */
export function sentencesMatching<S extends { text: string }>(
  matcher: PhraseMatcher,
  sentences: readonly S[],
): S[] {
  if (!Array.isArray(sentences)) return [];
  return sentences.filter((s) => typeof s?.text === 'string' && matcher.test(s.text));
}
