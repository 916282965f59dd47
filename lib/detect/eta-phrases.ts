// Phrase tables for the ETA finder. Lists are data so they can grow without touching the
// parser; each table has exactly one matcher below it.

import type { Range } from '../types.ts';

// ---------------------------------------------------------------------------------------
// Vague promises: no instant anyone can hold the writer to.
// ---------------------------------------------------------------------------------------

export interface VaguePhrase {
  /** Words separated by single spaces; matched case-insensitively on word boundaries. */
  phrase: string;
  /** The phrase doesn't count when the next word is one of these ("later today" is concrete). */
  notBefore?: readonly string[];
}

export const VAGUE_PHRASES: readonly VaguePhrase[] = [
  { phrase: 'soon' },
  { phrase: 'soonish' },
  { phrase: 'very soon' },
  { phrase: 'shortly' },
  { phrase: 'asap' },
  { phrase: 'a.s.a.p.' },
  { phrase: 'as soon as possible' },
  { phrase: 'as soon as i hear back' },
  { phrase: 'as soon as we hear back' },
  { phrase: 'as soon as i can' },
  { phrase: 'as soon as we can' },
  { phrase: 'as soon as i have an update' },
  { phrase: 'as soon as we have an update' },
  // Any other "as soon as <event>" is still tied to an event, not a time.
  { phrase: 'as soon as' },
  { phrase: 'once i hear back' },
  { phrase: 'once we hear back' },
  { phrase: 'when i hear back' },
  { phrase: 'when we hear back' },
  { phrase: 'in a bit' },
  { phrase: 'in a little bit' },
  { phrase: 'in a while' },
  { phrase: 'in a little while' },
  { phrase: 'in due course' },
  { phrase: 'in due time' },
  { phrase: 'at some point' },
  { phrase: 'later', notBefore: ['today', 'tonight', 'this', 'version', 'versions', 'release', 'releases', 'build', 'builds'] },
  { phrase: 'later on' },
  { phrase: 'when i can' },
  { phrase: 'when we can' },
  { phrase: 'when i get a chance' },
  { phrase: 'when i get the chance' },
  { phrase: 'when time permits' },
  { phrase: 'when possible' },
  { phrase: 'in the coming days' },
  { phrase: 'in the coming weeks' },
  { phrase: 'in the next few days' },
  { phrase: 'in the next couple of days' },
  { phrase: 'over the next few days' },
  { phrase: 'within the next few days' },
  { phrase: 'in a few days' },
  { phrase: 'in a few hours' },
  { phrase: 'within a few days' },
  { phrase: 'in a few minutes' },
  { phrase: 'in a few weeks' },
  { phrase: 'in the next few hours' },
  { phrase: 'in the next few weeks' },
  { phrase: 'over the coming days' },
  { phrase: 'over the coming weeks' },
  { phrase: 'in the coming months' },
  // "Allow a few business days": the unit is exact, the count is not.
  { phrase: 'a few business days' },
  { phrase: 'a few working days' },
  { phrase: 'once we know more' },
  { phrase: 'once i know more' },
  { phrase: 'when we know more' },
  { phrase: 'when i know more' },
  { phrase: 'once we have an update' },
  { phrase: 'once i have an update' },
  { phrase: 'when we have an update' },
  { phrase: 'when i have an update' },
  { phrase: 'when we have more information' },
  { phrase: 'once we have more information' },
  { phrase: 'after the holidays' },
  { phrase: 'in the near future' },
  { phrase: 'in the not too distant future' },
  { phrase: 'eventually' },
  { phrase: 'sometime soon' },
  { phrase: 'some time soon' },
  { phrase: 'before long' },
  { phrase: 'any day now' },
  { phrase: 'any time now' },
  { phrase: 'momentarily' },
  { phrase: 'at the earliest opportunity' },
  { phrase: 'at my earliest convenience' },
  { phrase: 'at our earliest convenience' },
  { phrase: 'down the road' },
];

function escapeForRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

// Longest phrases first, so "as soon as possible" wins over "as soon as" and "soon". Each
// alternative is a fixed word sequence with bounded gaps: no nested quantifiers.
const VAGUE_PATTERN = new RegExp(
  `(?<![\\p{L}\\p{N}_'’-])(?:${[...VAGUE_PHRASES]
    .sort((a, b) => b.phrase.length - a.phrase.length)
    .map((p) => p.phrase.split(' ').map(escapeForRegExp).join('\\s{1,4}'))
    .join('|')})(?![\\p{L}\\p{N}_])`,
  'giu',
);

const PHRASE_BY_KEY = new Map(VAGUE_PHRASES.map((p) => [p.phrase, p]));

export interface VagueMatch {
  range: Range;
  phrase: string;
}

/**
 * Vague-ETA phrases in `text`, in order, at most `limit` of them; "Soonja" and "later
 * today" don't count.
 */
export function findVaguePhrases(text: string, limit = Infinity): VagueMatch[] {
  const found: VagueMatch[] = [];
  VAGUE_PATTERN.lastIndex = 0;
  for (let m = VAGUE_PATTERN.exec(text); m; m = VAGUE_PATTERN.exec(text)) {
    const key = m[0].toLowerCase().replace(/\s+/g, ' ');
    const entry = PHRASE_BY_KEY.get(key);
    if (!entry) continue;
    const end = m.index + m[0].length;
    if (entry.notBefore && entry.notBefore.length > 0) {
      const next = /^\s{0,4}([\p{L}]+)/u.exec(text.slice(end, end + 40));
      if (next && entry.notBefore.includes(next[1]!.toLowerCase())) continue;
    }
    found.push({ range: [m.index, end], phrase: key });
    if (found.length >= limit) break;
  }
  return found;
}

// ---------------------------------------------------------------------------------------
// Durations: a duration is a deadline only behind one of these words ("within 2 hours",
// "give us 3 days"); "the job takes 2 hours" and "we were down for 3 days" are not.
// ---------------------------------------------------------------------------------------

export const DURATION_LEADS: readonly string[] = [
  'within the next',
  // "within the hour": no number, one unit.
  'within the',
  'within',
  'in the next',
  'in',
  'over the next',
  'for the next',
  'during the next',
  'give us',
  'give me',
  'give it',
  'allow for',
  'allow',
  'no later than',
];

/** Words before the number that keep the duration a deadline: "within about 2 hours". */
export const DURATION_HEDGES: readonly string[] = [
  'about',
  'around',
  'approximately',
  'approx.',
  'roughly',
  'another',
  'an additional',
  'up to',
  'at most',
  'no more than',
  'less than',
  'under',
];

export const NUMBER_WORDS: Readonly<Record<string, number>> = {
  a: 1,
  an: 1,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  fifteen: 15,
  twenty: 20,
  thirty: 30,
  'forty-eight': 48,
  'twenty-four': 24,
  'seventy-two': 72,
  'a couple of': 2,
  'a couple': 2,
  'couple of': 2,
  'half an': 0.5,
  'half a': 0.5,
};

// ---------------------------------------------------------------------------------------
// Times of day without a clock time. [start, end] in minutes after midnight; `open` and
// `close` mean the schedule's opening / closing that day (08:00 / 17:00 when it's closed).
// The end is the commitment: "tomorrow morning" is kept if the reply arrives by noon.
// ---------------------------------------------------------------------------------------

export type DayBound = number | 'open' | 'close';

export const DAY_PARTS: Readonly<Record<string, readonly [DayBound, DayBound]>> = {
  morning: ['open', 12 * 60],
  afternoon: [12 * 60, 'close'],
  evening: [18 * 60, 21 * 60],
  tonight: [18 * 60, 21 * 60],
};

// ---------------------------------------------------------------------------------------
// Tense cues: a date in a clause that speaks of the past is a report, not a promise
// ("on Monday we saw errors"). A future cue in the same clause overrides the past ones.
// ---------------------------------------------------------------------------------------

export const PAST_CUES: readonly string[] = [
  'yesterday',
  'last',
  'ago',
  'earlier',
  'previously',
  'was',
  'were',
  'wasn’t',
  "wasn't",
  'weren’t',
  "weren't",
  'saw',
  'had',
  'did',
  "didn't",
  'didn’t',
  'since',
  'got',
  'went',
  'came',
  'began',
  'ran',
  'sent',
  'took',
  'broke',
];

export const FUTURE_CUES: readonly string[] = [
  'will',
  "'ll",
  '’ll',
  'shall',
  'going to',
  'gonna',
  'plan',
  'plans',
  'planning',
  'planned',
  'expect',
  'expected',
  'expecting',
  'aim',
  'aiming',
  'hope',
  'hoping',
  'intend',
  'should',
  'scheduled',
  'promise',
  'target',
  'targeting',
  'by',
  'within',
  'until',
  'till',
  'before',
  'eta',
  'next',
  'tomorrow',
  'let you know',
  'get back',
  'follow up',
  'please',
];

/** "-ed" words that are not past-tense reports. */
export const NOT_PAST_ED: readonly string[] = [
  'need',
  'needed',
  'scheduled',
  'planned',
  'booked',
  'reserved',
  'slated',
  'pencilled',
  'penciled',
  'expected',
  'anticipated',
  'estimated',
  'targeted',
  'committed',
  'guaranteed',
  'interested',
  'based',
  'red',
  'bed',
  'shed',
  'speed',
  'feed',
  'seed',
  'indeed',
  'proceed',
  'exceed',
  'succeed',
  'agreed',
  'advised',
  'updated',
  'required',
  'detailed',
  'dedicated',
  'limited',
  'related',
  'supposed',
  'used',
];

/**
 * Deadline words that are future cues only as a lead: after a past verb they are the
 * passive agent or a past bound ("was caused by a bad record", "was resolved by 9:40").
 */
export const LEAD_FUTURE_CUES: readonly string[] = ['by', 'within', 'until', 'till', 'before'];

/** Words before an "-ed" word that make it a present state, not a past report ("is booked"). */
export const PRESENT_STATE_AUXILIARIES: readonly string[] = ['is', 'are', 'am', "'s", '’s', 'be', 'remains', 'stays'];

// ---------------------------------------------------------------------------------------
// Standing facts: a clause about regular hours or a recurring job states when something
// always happens, which is no promise ("our office opens at 8 am", "the backup runs at
// 2 am every day", "support hours are 8 am to 5 pm ET").
// ---------------------------------------------------------------------------------------

export const STANDING_FACT_CUES: readonly string[] = [
  'every',
  'daily',
  'nightly',
  'weekly',
  'hourly',
  'weekdays',
  'usually',
  'normally',
  'typically',
  'generally',
  'always',
  // A one-off "the window opens at 16:00 UTC" is an event; a place or team opening is a
  // standing fact.
  'office opens',
  'office closes',
  'desk opens',
  'desk closes',
  'line opens',
  'line closes',
  'support opens',
  'we open',
  'we close',
  'open from',
  'are open',
  'is open',
  "we're open",
  'hours are',
  'hours:',
  'office hours',
  'support hours',
  'opening hours',
];

/** Clause-breaking words: a past report before one doesn't taint the promise after it. */
export const CLAUSE_BREAKS: readonly string[] = ['and', 'but', 'though', 'although', 'whereas', 'so', 'then', 'while'];

// ---------------------------------------------------------------------------------------
// Words that make the following number an identifier, never a date ("case 12/3").
// ---------------------------------------------------------------------------------------

export const REFERENCE_WORDS: readonly string[] = [
  'ticket',
  'case',
  'incident',
  'issue',
  'bug',
  'order',
  'invoice',
  'po',
  'pr',
  'ref',
  'reference',
  'request',
  'sr',
  'account',
  'acct',
  'id',
  'no.',
  'number',
  'build',
  'version',
  'release',
  'patch',
  'port',
  'room',
  'ext.',
  'extension',
  'page',
  'step',
  'item',
  'line',
  'row',
  'error',
  'code',
  'kb',
  'article',
  'serial',
  'model',
  'part',
  'sku',
  'rma',
  'pid',
];

// ---------------------------------------------------------------------------------------
// Commitment: a time is our ETA only where the draft promises something. These tables let
// eta-commitment.ts tell a promise from a mention of a time ("a roll-back before Friday is
// not needed", "who owns it this week?", "your licence expires on Dec 31", "we reply to P2
// tickets within 8 business hours"). Phrases are lower case with "n't" written " not" and
// "cannot" as "can not", the form the checker reads.
// ---------------------------------------------------------------------------------------

/** Saying something need not happen, or that no promise is made: the time in it is no ETA. */
export const NOT_NEEDED_CUES: readonly string[] = [
  'no need',
  'not needed',
  'not necessary',
  'not required',
  'not mandatory',
  'not essential',
  'unnecessary',
  'need not',
  'not need',
  'not have to',
  'no rush',
  'no hurry',
  'no requirement',
  'no guarantee',
  'not guarantee',
  'not promise',
  'not commit',
  'unable to promise',
  'unable to guarantee',
  'unable to commit',
  'not able to promise',
  'not able to guarantee',
  'not able to commit',
];

/**
 * Words that make a clause a promise or an expectation the writer sets ("will", "you'll
 * hear", "we expect"): with one, a clause about the customer's things is still ours.
 */
export const COMMITMENT_CUES: readonly string[] = [
  'will',
  'll',
  'shall',
  'should',
  'going',
  'gonna',
  'expect',
  'expected',
  'expecting',
  'plan',
  'plans',
  'planned',
  'planning',
  'aim',
  'aiming',
  'intend',
  'intends',
  'promise',
  'target',
  'targeting',
  'scheduled',
  'eta',
  'hear',
  'can',
  'could',
];

/** Words that put the writer or the writer's team in a clause. */
export const FIRST_PERSON_WORDS: readonly string[] = ['i', 'we', 'me', 'us', 'our', 'ours', 'my', 'mine'];

/**
 * Verbs of a term running out or rolling over: the date is when the customer's or a third
 * party's entitlement changes, not something anyone delivers ("your licence expires on
 * Dec 31", "the vendor certificate lapses on the 5th"). "Will be renewed" is a delivery
 * and is not here.
 */
export const TERM_EVENT_VERBS: readonly string[] = [
  'expire',
  'expires',
  'expiring',
  'lapse',
  'lapses',
  'lapsing',
  'renews',
  'run out',
  'runs out',
];

/**
 * Words after "we" that are not a plain present verb: modals, auxiliaries and the verbs of
 * intent. "We reply within 8 hours" states a policy; "we'll reply", "we are replying",
 * "we aim to reply" are about this case.
 */
export const NOT_PLAIN_PRESENT: readonly string[] = [
  'will', 'll', 'shall', 'should', 'would', 'could', 'can', 'may', 'might', 'must', 'are', 're', 'were', 'was',
  'have', 've', 'had', 'd', 'do', 'did', 'need', 'want', 'hope', 'plan', 'expect', 'aim', 'intend', 'promise',
  'just', 'now', 'still', 'already', 'also', 'then', 'first', 'next', 'today', 'tomorrow',
];

/** Words that open a question when they lead a clause ("would Monday work", "who owns…"). */
export const QUESTION_OPENERS: readonly string[] = [
  'who', 'what', 'when', 'where', 'which', 'why', 'how', 'whose', 'will', 'would', 'can', 'could', 'shall',
  'should', 'do', 'does', 'did', 'is', 'are', 'was', 'were', 'may', 'might', 'have', 'has', 'any',
];
