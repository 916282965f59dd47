// Features for the "does this sentence ask the reader something" classifier. Shared by the
// training script and by inference, so both see exactly the same numbers. Pure: no I/O.
//
// Every feature is a string (namespace + text) hashed with FNV-1a into HASH_BITS bits. The
// strings are never built: the hash is folded over the pieces, so a call allocates only the
// lower-cased sentence, its token list and the output array.

export const HASH_BITS = 20;
const HASH_MASK = (1 << HASH_BITS) - 1;
const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

function foldChar(h: number, code: number): number {
  return Math.imul(h ^ code, FNV_PRIME) >>> 0;
}

function foldString(h: number, s: string): number {
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), FNV_PRIME) >>> 0;
  return h;
}

const SEPARATOR = 0x20;

/** Hash of a named feature such as `h:ends-q`; exported so tests and tools can name one. */
export function featureHash(name: string): number {
  return foldString(FNV_OFFSET, name) & HASH_MASK;
}

const ruleCueHashes = new Map<string, number>();

/** Cue names are few and repeat on every call, so their hashes are remembered. */
function ruleCueHash(cue: string): number {
  let h = ruleCueHashes.get(cue);
  if (h === undefined) {
    h = featureHash(`r:${cue}`);
    if (ruleCueHashes.size < 256) ruleCueHashes.set(cue, h);
  }
  return h;
}

/** True when the set scores the rule finder's reading, which the caller must then pass. */
export function usesRuleCues(set: FeatureSetId): boolean {
  return (FEATURE_SETS[set] as FeatureSetOptions).ruleCues !== undefined;
}

export interface FeatureSetOptions {
  /** Word n-gram orders to use, 1 to 3; n-grams include sentence start/end markers. */
  wordOrders: readonly number[];
  /** Character n-gram lengths inside space-padded words (0 = none), e.g. [2, 4]. */
  charRange: readonly [min: number, max: number] | null;
  /** Hand-written cues: question marks, openings, request phrases, spam shapes. */
  hand: boolean;
  /** Words that open a clause after a comma (vocatives: "Andrea, would you…"). */
  clauseStarts: boolean;
  /** Pairs of hand cues (starts with an auxiliary AND ends with "?"), which a linear model cannot form. */
  cuePairs?: boolean;
  /**
   * The rule finder's reading (question-rules.ts `ruleCues`): which test fired, its type, a
   * veto. `paired` also crosses them with the hand cues.
   */
  ruleCues?: 'plain' | 'paired';
}

// Named so a model file can say which extractor it was trained with; changing what a set
// emits means adding a new id, or old model files would silently score garbage.
export const FEATURE_SETS = {
  'words-v1': { wordOrders: [1, 2], charRange: null, hand: false, clauseStarts: false },
  'words-hand-v1': { wordOrders: [1, 2], charRange: null, hand: true, clauseStarts: true },
  'words3-hand-v1': { wordOrders: [1, 2, 3], charRange: null, hand: true, clauseStarts: true },
  'words3-pairs-v1': { wordOrders: [1, 2, 3], charRange: null, hand: true, clauseStarts: true, cuePairs: true },
  'full3-pairs-v1': { wordOrders: [1, 2, 3], charRange: [2, 4], hand: true, clauseStarts: true, cuePairs: true },
  'words3-pairs-rules-v1': { wordOrders: [1, 2, 3], charRange: null, hand: true, clauseStarts: true, cuePairs: true, ruleCues: 'plain' },
  'words3-rulepairs-v1': { wordOrders: [1, 2, 3], charRange: null, hand: true, clauseStarts: true, cuePairs: true, ruleCues: 'paired' },
} as const satisfies Record<string, FeatureSetOptions>;

export type FeatureSetId = keyof typeof FEATURE_SETS;

export function isFeatureSetId(id: string): id is FeatureSetId {
  return Object.prototype.hasOwnProperty.call(FEATURE_SETS, id);
}

// ---------------------------------------------------------------------------------------
// Tokens
// ---------------------------------------------------------------------------------------

const URL_TOKEN = '<url>';
const EMAIL_TOKEN = '<email>';
const NUMBER_TOKEN = '<num>';
const START = '<s>';
const END = '</s>';

function isWordCode(c: number): boolean {
  if (c >= 0x61 && c <= 0x7a) return true; // a-z (input is lower-cased)
  if (c >= 0x30 && c <= 0x39) return true;
  if (c < 0xc0) return false;
  // General punctuation, symbols, CJK punctuation and the surrogate/private ranges are not letters;
  // everything else above Latin-1 is treated as part of a word (accents, other scripts).
  if (c >= 0x2000 && c <= 0x2bff) return false;
  if (c >= 0x3000 && c <= 0x303f) return false;
  // Emoji and other astral symbols arrive as surrogate pairs; they are not words.
  if (c >= 0xd800 && c <= 0xf8ff) return false;
  if (c >= 0xfe00 && c <= 0xfe0f) return false;
  if (c >= 0xfe30 && c <= 0xfe6f) return false;
  if (c >= 0xff00 && c <= 0xff0f) return false;
  return true;
}

const APOSTROPHES = new Set([0x27, 0x2019, 0x2018]);
// Punctuation that carries meaning for asks: "?" questions, ":" spam call-to-action lines
// ("Join now:"), "!" marketing, "," clause boundaries.
const KEPT_PUNCTUATION = new Map<number, string>([
  [0x3f, '?'],
  [0xff1f, '?'],
  [0x3a, ':'],
  [0x21, '!'],
  [0x2c, ','],
  [0x3b, ','],
]);

function isSpaceCode(c: number): boolean {
  return c === 0x20 || (c >= 0x09 && c <= 0x0d) || c === 0xa0 || (c >= 0x2000 && c <= 0x200b) || c === 0x3000;
}

/** The token list plus the shape facts that lower-casing throws away. */
export interface TokenizedSentence {
  tokens: string[];
  /** Words of two or more letters written in capitals ("FREE", "NOW"). */
  capsWords: number;
  /** Words starting with a capital letter (headline-style title case). */
  capitalisedWords: number;
  /** Words of letters, for the ratios above. */
  letterWords: number;
}

// Very long inputs are cut: a sentence classifier learns nothing from the 2,000th word and
// the editor calls this on every pause.
const MAX_CHARS = 2000;

/** Lower-cased word tokens with URLs, addresses and numbers folded into placeholders. */
export function tokenizeSentence(sentence: string): TokenizedSentence {
  const raw = sentence.length > MAX_CHARS ? sentence.slice(0, MAX_CHARS) : sentence;
  const lower = raw.toLowerCase();
  const tokens: string[] = [];
  let capsWords = 0;
  let capitalisedWords = 0;
  let letterWords = 0;
  const n = lower.length;
  let i = 0;
  while (i < n) {
    const c = lower.charCodeAt(i);
    if (isSpaceCode(c)) {
      i++;
      continue;
    }
    // A whitespace-delimited chunk that looks like a link or an address is one token: its
    // pieces are noise, its presence is a strong spam/notification cue.
    let chunkEnd = i;
    while (chunkEnd < n && !isSpaceCode(lower.charCodeAt(chunkEnd))) chunkEnd++;
    if (looksLikeLink(lower, i, chunkEnd)) {
      const isAddress =
        lower.startsWith('mailto:', i) || (!lower.startsWith('http', i) && indexWithin(lower, 0x40, i, chunkEnd) !== -1);
      tokens.push(isAddress ? EMAIL_TOKEN : URL_TOKEN);
      i = chunkEnd;
      continue;
    }
    while (i < chunkEnd) {
      const d = lower.charCodeAt(i);
      if (isWordCode(d)) {
        const start = i;
        let hasDigit = false;
        while (i < chunkEnd) {
          const e = lower.charCodeAt(i);
          if (isWordCode(e)) {
            if (e <= 0x39) hasDigit = true;
            i++;
          } else if (APOSTROPHES.has(e) && i + 1 < chunkEnd && isWordCode(lower.charCodeAt(i + 1))) {
            i++;
          } else break;
        }
        if (hasDigit) {
          tokens.push(NUMBER_TOKEN);
        } else {
          let word = lower.slice(start, i);
          if (word.indexOf('\u2019') !== -1 || word.indexOf('\u2018') !== -1) word = word.replace(/[\u2018\u2019]/g, "'");
          tokens.push(word);
          const first = raw.charCodeAt(start);
          if (first >= 0x41 && first <= 0x5a) {
            capitalisedWords++;
            if (i - start >= 2 && raw.slice(start, i) === raw.slice(start, i).toUpperCase()) capsWords++;
          }
          letterWords++;
        }
      } else {
        const kept = KEPT_PUNCTUATION.get(d);
        // Runs of the same mark ("???", "!!!") count once.
        if (kept !== undefined && tokens[tokens.length - 1] !== kept) tokens.push(kept);
        i++;
      }
    }
    i = chunkEnd;
  }
  return { tokens, capsWords, capitalisedWords, letterWords };
}

function indexWithin(s: string, code: number, start: number, end: number): number {
  for (let i = start; i < end; i++) if (s.charCodeAt(i) === code) return i;
  return -1;
}

// Bounded to the chunk so a long text of short chunks stays linear.
function looksLikeLink(s: string, start: number, end: number): boolean {
  if (end - start < 4) return false;
  if (s.startsWith('http', start) || s.startsWith('www.', start) || s.startsWith('$link', start)) return true;
  if (s.startsWith('mailto:', start)) return true;
  const at = indexWithin(s, 0x40, start, end);
  return at > start && at < end - 3 && indexWithin(s, 0x2e, at, end - 1) !== -1;
}

// ---------------------------------------------------------------------------------------
// Hand cues
// ---------------------------------------------------------------------------------------

const AUXILIARIES = new Set([
  'can', 'could', 'would', 'will', 'do', 'does', 'did', 'is', 'are', 'was', 'were', 'should',
  'may', 'might', 'shall', 'have', 'has', 'had', "can't", "won't", "don't", "doesn't",
  "isn't", "aren't", "wouldn't", "couldn't", "shouldn't", "didn't", 'am',
]);
const WH_WORDS = new Set(['what', 'when', 'where', 'who', 'whom', 'whose', 'which', 'why', 'how', "what's", "where's", "who's", "how's", "when's"]);
// Base-form verbs that open an instruction in mail ("Send me…", "Let me know…").
const IMPERATIVE_VERBS = new Set([
  'send', 'let', 'call', 'give', 'review', 'check', 'forward', 'confirm', 'provide', 'look',
  'make', 'see', 'take', 'get', 'tell', 'ask', 'contact', 'fax', 'email', 'e-mail', 'mail',
  'reply', 'respond', 'advise', 'note', 'remember', 'keep', 'bring', 'put', 'come', 'go',
  'find', 'read', 'sign', 'print', 'fill', 'complete', 'return', 'update', 'schedule', 'set',
  'try', 'plan', 'feel', 'stop', 'attend', 'join', 'meet', 'help', 'include', 'add', 'remove',
  'change', 'approve', 'verify', 'submit', 'prepare', 'draft', 'write', 'let\'s', 'lets',
  'pass', 'talk', 'discuss', 'coordinate', 'arrange', 'handle', 'follow', 'pick', 'drop',
  'ring', 'buzz', 'shoot', 'grab', 'hold', 'use', 'ensure', 'be', 'don\'t', 'do', 'consider',
  'think', 'find', 'fix', 'resend', 'distribute', 'circulate', 'comment', 'indicate',
  'identify', 'explain', 'clarify', 'list', 'show', 'invite', 'book', 'reserve', 'cancel',
  'register', 'rsvp', 'visit', 'click', 'save', 'enjoy', 'start', 'buy', 'order', 'apply',
]);
// Verbs that, in the imperative, are what newsletters and shops say ("Click here", "Save
// 20%"): they mark a call to action the labels count as "not an ask".
const MARKETING_VERBS = new Set(['click', 'save', 'enjoy', 'start', 'buy', 'order', 'shop', 'join', 'visit', 'register', 'apply', 'subscribe', 'download', 'search', 'act', 'discover', 'explore', 'get', 'earn', 'win', 'claim', 'stay', 'try']);
const SECOND_PERSON = new Set(['you', 'your', "you're", "you've", "you'll", "you'd", 'u', 'ur', 'yours', 'yourself']);
const SOFT_OPENERS = new Set(['also', 'and', 'so', 'then', 'but', 'ok', 'okay', 'hi', 'hey', 'again', 'finally', 'first', 'lastly', 'meanwhile', 'now', 'otherwise', 'thanks', 'thank']);
const PAST_IRREGULAR = new Set([
  'was', 'were', 'had', 'went', 'got', 'sent', 'saw', 'spoke', 'told', 'said', 'met', 'made',
  'took', 'gave', 'found', 'left', 'heard', 'thought', 'came', 'did', 'wrote', 'forgot', 'knew',
  'received', 'talked', 'called',
]);

// Phrases whose presence anywhere marks an ask; matched as token sequences.
const REQUEST_PHRASES = [
  'let me know', 'let us know', 'can you', 'could you', 'would you', 'will you', 'would you mind',
  'do you', 'did you', 'are you', 'have you', 'is there', 'are there', 'i need', 'we need',
  'i would like', "i'd like", 'we would like', "we'd like", 'i want you', 'need you to',
  'you need to', 'you should', 'you must', 'you will need', 'please', 'kindly', 'feel free',
  'i was wondering', 'wondering if', 'would it be possible', 'is it possible', 'would be great',
  'would be helpful', 'would appreciate', 'appreciate it if', 'i would appreciate', 'get back to me',
  'get back with me', 'give me a call', 'call me', 'send me', 'email me', 'e-mail me',
  'your thoughts', 'any thoughts', 'any comments', 'any questions', 'any ideas', 'what do you think',
  'make sure', 'be sure', 'do not hesitate', "don't hesitate", 'how about', 'what about',
  "let's", 'lets', 'shall we', 'should we', 'we should', 'can we', 'could we', 'why don\'t',
  'asap', 'as soon as possible', 'at your earliest', 'by tomorrow', 'by friday', 'by monday',
  'advise', 'if you could', 'if you can', 'if you would', 'need to know', 'want to know',
  'wanted to see if', 'to see if you', 'are you available', 'you available', 'works for you',
  'work for you', 'good for you',
].map((p) => p.split(' '));

// Newsletter and shop phrasing that the labels treat as not an ask even when it is worded as
// one ("To ensure delivery, please add us to your address book").
const SPAM_PHRASES = [
  'address book', 'safe sender', 'click here', 'click below', 'unsubscribe', 'opt out',
  'opt-out', 'to ensure', 'ensure delivery', 'email preferences', 'privacy policy',
  'this email', 'this message', 'free shipping', 'limited time', 'order now', 'shop now',
  'sign up', 'learn more', 'view online', 'view this', 'stop receiving', 'no longer wish',
  'if you wish', 'if you no longer', 'if you do not', "if you don't", 'to stop', 'remove you',
  'white list', 'whitelist', 'contacts list', 'special offer', '% off', 'for more information',
  'terms and conditions', 'all rights reserved', 'do not reply', 'automatically generated',
].map((p) => p.split(' '));

function buildPhraseIndex(phrases: string[][]): Map<string, string[][]> {
  const index = new Map<string, string[][]>();
  for (const p of phrases) {
    const head = p[0];
    if (head === undefined) continue;
    const list = index.get(head);
    if (list) list.push(p);
    else index.set(head, [p]);
  }
  return index;
}

const REQUEST_INDEX = buildPhraseIndex(REQUEST_PHRASES);
const SPAM_INDEX = buildPhraseIndex(SPAM_PHRASES);

function countPhrases(tokens: readonly string[], index: Map<string, string[][]>): number {
  let count = 0;
  for (let i = 0; i < tokens.length; i++) {
    const candidates = index.get(tokens[i] as string);
    if (candidates === undefined) continue;
    for (const p of candidates) {
      if (i + p.length > tokens.length) continue;
      let ok = true;
      for (let k = 1; k < p.length; k++) {
        if (tokens[i + k] !== p[k]) {
          ok = false;
          break;
        }
      }
      if (ok) count++;
    }
  }
  return count;
}

// Hashes of the hand cues, computed once.
const H = {
  endsQ: featureHash('h:ends-q'),
  hasQ: featureHash('h:has-q'),
  qNotEnd: featureHash('h:q-not-end'),
  startsAux: featureHash('h:starts-aux'),
  startsAuxYou: featureHash('h:starts-aux-you'),
  startsAuxWe: featureHash('h:starts-aux-we'),
  startsWh: featureHash('h:starts-wh'),
  whAnywhereQ: featureHash('h:wh-and-q'),
  please: featureHash('h:please'),
  pleaseStart: featureHash('h:please-start'),
  imperative: featureHash('h:imperative'),
  marketingImperative: featureHash('h:marketing-imperative'),
  secondPerson: featureHash('h:second-person'),
  noSecondPerson: featureHash('h:no-second-person'),
  requestPhrase: featureHash('h:request-phrase'),
  requestPhrase2: featureHash('h:request-phrase-2'),
  noRequestCue: featureHash('h:no-request-cue'),
  spamPhrase: featureHash('h:spam-phrase'),
  firstPersonPast: featureHash('h:first-person-past'),
  url: featureHash('h:url'),
  email: featureHash('h:email'),
  number: featureHash('h:number'),
  exclaim: featureHash('h:exclaim'),
  endsColon: featureHash('h:ends-colon'),
  capsHeavy: featureHash('h:caps-heavy'),
  titleCase: featureHash('h:title-case'),
  thirdPersonOpening: featureHash('h:third-person-opening'),
  conditionalYou: featureHash('h:if-you'),
  length: [0, 1, 2, 3, 4, 5, 6].map((b) => featureHash(`h:len-${b}`)),
};

function lengthBucket(words: number): number {
  if (words <= 3) return 0;
  if (words <= 6) return 1;
  if (words <= 10) return 2;
  if (words <= 16) return 3;
  if (words <= 25) return 4;
  if (words <= 40) return 5;
  return 6;
}

const THIRD_PERSON_OPENERS = new Set(['he', 'she', 'they', 'it', 'this', 'that', 'the', 'there', 'our', 'his', 'her', 'their']);

function pushHandFeatures(t: TokenizedSentence, out: number[], pairs: boolean, pairedCues: readonly number[]): void {
  const from = out.length;
  const tokens = t.tokens;
  const n = tokens.length;
  if (n === 0) return;
  for (const cue of pairedCues) out.push(cue);
  // The opening is the first word after greetings, vocatives and connectives: "Hi John,
  // could you…", "Also, please…".
  let open = 0;
  const comma = tokens.indexOf(',');
  if (comma > 0 && comma <= 3) open = comma + 1;
  while (open < n - 1 && SOFT_OPENERS.has(tokens[open] as string)) {
    open++;
    if (tokens[open] === ',') open++;
  }
  const first = tokens[open] ?? '';
  const second = tokens[open + 1] ?? '';
  const last = tokens[n - 1] as string;
  const hasQ = tokens.includes('?');
  if (last === '?') out.push(H.endsQ);
  if (hasQ) out.push(H.hasQ);
  if (hasQ && last !== '?') out.push(H.qNotEnd);
  if (AUXILIARIES.has(first) || AUXILIARIES.has(tokens[0] as string)) {
    out.push(H.startsAux);
    if (second === 'you' || second === 'u') out.push(H.startsAuxYou);
    if (second === 'we' || second === 'i') out.push(H.startsAuxWe);
  }
  if (WH_WORDS.has(first) || WH_WORDS.has(tokens[0] as string)) out.push(H.startsWh);
  let hasWh = false;
  let addressesReader = false;
  let hasUrl = false;
  let hasEmail = false;
  let hasNumber = false;
  let firstPersonPast = false;
  for (let i = 0; i < n; i++) {
    const w = tokens[i] as string;
    if (WH_WORDS.has(w)) hasWh = true;
    if (SECOND_PERSON.has(w)) addressesReader = true;
    if (w === URL_TOKEN) hasUrl = true;
    else if (w === EMAIL_TOKEN) hasEmail = true;
    else if (w === NUMBER_TOKEN) hasNumber = true;
    if ((w === 'i' || w === 'we') && i + 1 < n) {
      const v = tokens[i + 1] as string;
      if (PAST_IRREGULAR.has(v) || (v.length > 4 && v.endsWith('ed') && v !== 'need')) firstPersonPast = true;
    }
  }
  if (hasWh && hasQ) out.push(H.whAnywhereQ);
  if (tokens.includes('please') || tokens.includes('pls') || tokens.includes('plz') || tokens.includes('kindly')) {
    out.push(H.please);
    if (first === 'please' || first === 'pls' || first === 'kindly') out.push(H.pleaseStart);
  }
  const imperativeWord = first === 'please' || first === 'kindly' ? second : first;
  if (IMPERATIVE_VERBS.has(imperativeWord) && second !== 'you' && second !== 'i') out.push(H.imperative);
  if (MARKETING_VERBS.has(imperativeWord)) out.push(H.marketingImperative);
  out.push(addressesReader ? H.secondPerson : H.noSecondPerson);
  const requests = countPhrases(tokens, REQUEST_INDEX);
  if (requests > 0) out.push(H.requestPhrase);
  if (requests > 1) out.push(H.requestPhrase2);
  if (requests === 0 && !hasQ && !IMPERATIVE_VERBS.has(imperativeWord)) out.push(H.noRequestCue);
  if (countPhrases(tokens, SPAM_INDEX) > 0) out.push(H.spamPhrase);
  if (firstPersonPast) out.push(H.firstPersonPast);
  if (hasUrl) out.push(H.url);
  if (hasEmail) out.push(H.email);
  if (hasNumber) out.push(H.number);
  if (tokens.includes('!')) out.push(H.exclaim);
  if (last === ':') out.push(H.endsColon);
  if (t.letterWords >= 2 && t.capsWords * 2 >= t.letterWords) out.push(H.capsHeavy);
  if (t.letterWords >= 3 && t.capitalisedWords * 3 >= t.letterWords * 2) out.push(H.titleCase);
  if (THIRD_PERSON_OPENERS.has(first)) out.push(H.thirdPersonOpening);
  if (tokens[0] === 'if' && (tokens[1] === 'you' || tokens[1] === "you'd" || tokens[1] === "you're")) out.push(H.conditionalYou);
  out.push(H.length[lengthBucket(t.letterWords)] as number);
  if (!pairs) return;
  const to = out.length;
  for (let i = from; i < to; i++) {
    for (let j = i + 1; j < to; j++) {
      const a = out[i] as number;
      const b = out[j] as number;
      // Order-free pair hash, so the pair's id does not depend on emission order.
      const lo = a < b ? a : b;
      const hi = a < b ? b : a;
      out.push((Math.imul(foldChar(foldChar(NS_PAIR, lo & 0xffff), lo >>> 16) ^ hi, FNV_PRIME) >>> 0) & HASH_MASK);
    }
  }
}

// ---------------------------------------------------------------------------------------
// Extraction
// ---------------------------------------------------------------------------------------

const NS_WORD = foldString(FNV_OFFSET, 'w:');
const NS_CLAUSE = foldString(FNV_OFFSET, 'cs:');
const NS_CHAR = foldString(FNV_OFFSET, 'c:');
const NS_PAIR = foldString(FNV_OFFSET, 'p:');
const isPlaceholder = (token: string) => token.charCodeAt(0) === 0x3c && token.length > 1;

function pushWordNgrams(tokens: readonly string[], orders: readonly number[], out: number[]): void {
  const n = tokens.length;
  // Positions -1 and n are the start and end markers.
  for (const order of orders) {
    for (let i = -1; i + order <= n + 1; i++) {
      if (order === 1 && (i < 0 || i >= n)) continue;
      let h = foldChar(NS_WORD, 0x30 + order);
      for (let k = 0; k < order; k++) {
        const p = i + k;
        const w = p < 0 ? START : p >= n ? END : (tokens[p] as string);
        if (k > 0) h = foldChar(h, SEPARATOR);
        h = foldString(h, w);
      }
      out.push(h & HASH_MASK);
    }
  }
}

function pushClauseStarts(tokens: readonly string[], out: number[]): void {
  for (let i = 0; i + 1 < tokens.length; i++) {
    if (tokens[i] !== ',') continue;
    const next = tokens[i + 1] as string;
    let h = foldString(NS_CLAUSE, next);
    out.push(h & HASH_MASK);
    if (i + 2 < tokens.length) {
      h = foldChar(h, SEPARATOR);
      out.push(foldString(h, tokens[i + 2] as string) & HASH_MASK);
    }
  }
}

function pushCharNgrams(tokens: readonly string[], min: number, max: number, out: number[]): void {
  for (const w of tokens) {
    if (w.length === 1 || w.charCodeAt(0) === 0x3c) continue; // punctuation and placeholders
    const len = w.length + 2; // padded with a space each side so prefixes and suffixes show
    for (let start = 0; start < len; start++) {
      let h = NS_CHAR;
      for (let k = 0; k < max && start + k < len; k++) {
        const p = start + k;
        h = foldChar(h, p === 0 || p === len - 1 ? SEPARATOR : w.charCodeAt(p - 1));
        if (k + 1 >= min) out.push(h & HASH_MASK);
      }
    }
  }
}

/**
 * Hashed feature indices (with repeats: a repeated n-gram counts again) for one sentence.
 * Never throws; a sentence without words yields no features.
 */
export function extractRequestFeatures(sentence: string, set: FeatureSetId, ruleCues: readonly string[] = []): number[] {
  const options: FeatureSetOptions = FEATURE_SETS[set];
  const t = tokenizeSentence(typeof sentence === 'string' ? sentence : '');
  const out: number[] = [];
  // Nothing but punctuation ("???", "--", emoji): there is no ask to score.
  if (t.letterWords === 0 && !t.tokens.some(isPlaceholder)) return out;
  pushWordNgrams(t.tokens, options.wordOrders, out);
  if (options.clauseStarts) pushClauseStarts(t.tokens, out);
  if (options.charRange) pushCharNgrams(t.tokens, options.charRange[0], options.charRange[1], out);
  const cues = options.ruleCues ? ruleCues.map(ruleCueHash) : [];
  if (options.ruleCues === 'plain') for (const cue of cues) out.push(cue);
  if (options.hand) pushHandFeatures(t, out, options.cuePairs === true, options.ruleCues === 'paired' ? cues : []);
  return out;
}
