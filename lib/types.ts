// Shared shapes of the pure engine. Everything here is plain data: it crosses the CLI,
// messages and storage, so it must stay serialisable (Dates aside, which the edges convert).

/** UTF-16 offsets into a text: `text.slice(range[0], range[1])` is the flagged text. */
export type Range = readonly [start: number, end: number];

export type Severity = 'error' | 'warning' | 'info';
export type RuleSeverity = Severity | 'off';

export const RULE_IDS = [
  'questions-answered',
  'eta-present',
  'eta-concrete',
  'next-steps',
  'status-summary',
  'expectations',
  'no-red-text',
  'placeholders-filled',
  'ownership',
  'missed-eta-followup',
  'cc-account-owner',
] as const;
export type RuleId = (typeof RULE_IDS)[number];

// ---------------------------------------------------------------------------------------
// Text model
// ---------------------------------------------------------------------------------------

/**
 * - `new`: text the author wrote in this message.
 * - `quoted`: history (gmail_quote, blockquote, `>` lines) — someone else's words.
 * - `quote-header`: the "On Mon, … wrote:" / forwarded-message header before a quote.
 * - `signature`: gmail_signature or text after a `-- ` line.
 */
export type SegmentKind = 'new' | 'quoted' | 'quote-header' | 'signature';

export interface Segment {
  kind: SegmentKind;
  start: number;
  end: number;
}

/** A run of text whose nearest explicit colour (font color / style color) is `color`. */
export interface ColourRun {
  start: number;
  end: number;
  /** The CSS colour exactly as written in the markup, e.g. `#c00`, `red`, `rgb(200,0,0)`. */
  color: string;
}

/** An answer written between quoted paragraphs: the quoted text and the reply under it. */
export interface InlineReply {
  quoted: Segment;
  reply: Segment;
}

export interface TextModel {
  /** Plain text of the whole message: block elements end in `\n`, entities decoded. */
  text: string;
  /**
   * `htmlOffsets[i]` is the offset in the source HTML of the character `text[i]`;
   * `htmlOffsets[text.length]` is the source length. Identity for plain-text input.
   */
  htmlOffsets: Int32Array;
  /** Ordered, non-overlapping, covering every non-blank character of `text`. */
  segments: Segment[];
  colours: ColourRun[];
  inlineReplies: InlineReply[];
}

export interface Sentence {
  text: string;
  start: number;
  end: number;
}

// ---------------------------------------------------------------------------------------
// Questions and answers
// ---------------------------------------------------------------------------------------

/** What kind of answer a question wants; drives answer matching. */
export type QuestionType =
  | 'when' // wants a time or date
  | 'yesno' // wants a confirmation or denial
  | 'which' // which/what: wants an entity
  | 'how' // wants a procedure or explanation
  | 'why' // wants a reason
  | 'who'
  | 'where'
  | 'quantity' // how much / how many / what price
  | 'status' // "any update?"
  | 'request'; // do something: "please send the logs"

export interface Question {
  /** Stable within a thread: derived from the normalised question text. */
  id: string;
  text: string;
  /** Range in the customer text model's `text`. */
  range: Range;
  kind: 'question' | 'request';
  type: QuestionType;
  /**
   * A courtesy line or open offer ("let me know if you have any questions", "feel free to
   * call me"): it asks the reader something, so the finder reports it, but a reply owes it
   * no answer, so the checklist leaves it out (see `needsAnswer`).
   */
  courtesy?: true;
}

export type QuestionMark = 'answered' | 'not-applicable';

export interface QuestionStatus {
  question: Question;
  answered: boolean;
  /** Draft sentences that answer it (ranges in the draft text model's `text`). */
  answeredBy: Sentence[];
  /** Why the matcher decided as it did, in the side panel's words. */
  reason: string;
  /** Set when the user marked it by hand; a mark wins over the matcher. */
  mark?: QuestionMark;
}

// ---------------------------------------------------------------------------------------
// Time
// ---------------------------------------------------------------------------------------

/** "HH:MM" 24-hour wall-clock time in the schedule's zone. */
export type WallTime = string;

export interface BusinessInterval {
  start: WallTime;
  end: WallTime;
}

export interface Holiday {
  /** ISO date, YYYY-MM-DD, in the schedule's zone. */
  date: string;
  name: string;
}

export interface Schedule {
  /** IANA zone, e.g. America/New_York. */
  timeZone: string;
  /** Index 0 = Sunday … 6 = Saturday; each day's open intervals, ascending. */
  week: BusinessInterval[][];
  holidays: Holiday[];
}

export interface Eta {
  /** The phrase as written, e.g. "by 3 pm ET Thursday". */
  text: string;
  /** Range of the phrase in the text it was found in. */
  range: Range;
  /** Earliest bound; equals `end` for a single instant. Null when vague. */
  start: Date | null;
  /** The commitment (the later bound of a range). Null when vague. */
  end: Date | null;
  /** "soon", "ASAP", "as soon as I hear back": no instant can be held to. */
  vague: boolean;
  /** The zone the phrase was read in (named in the phrase, else the writer's). */
  timeZone: string;
  /** True when the committed instant falls outside the schedule's business hours. */
  outsideBusinessHours: boolean;
}

// ---------------------------------------------------------------------------------------
// Rules
// ---------------------------------------------------------------------------------------

export interface Suggestion {
  /** Machine id of the action, e.g. `insert-scaffold:next-steps`, `mark:resolved`. */
  action: string;
  label: string;
}

export interface Fix {
  /** Range in the draft text to replace. */
  range: Range;
  text: string;
}

export interface Finding {
  ruleId: RuleId;
  severity: Severity;
  message: string;
  /** Range in the draft text model's `text`, where the problem can be pointed at. */
  range?: Range;
  /** The customer sentence (or earlier promise) the finding refers to. */
  evidence?: string;
  fix?: Fix;
  suggestions?: Suggestion[];
}

/** What a rule reports; the engine stamps rule id and the configured severity. */
export type Report = Omit<Finding, 'ruleId' | 'severity'>;

export interface RuleMeta {
  id: RuleId;
  title: string;
  defaultSeverity: Severity;
  /** The handbook rule this implements, in our words. */
  source: string;
}

export interface DirectoryEntry {
  /** Customer email domain, lower case, e.g. `acme.com`. */
  domain: string;
  name: string;
  accountOwner?: { name: string; email: string };
}

export interface EarlierEta {
  /** When we promised to be back, ISO-8601. */
  due: string;
  /** The promise sentence. */
  text: string;
}

/** Context the draft alone cannot give; the CLI passes what it has, Gmail passes more. */
export interface ThreadContext {
  /** The writer says this reply resolves the issue (no ETA needed). */
  resolved?: boolean;
  /** The next step is the customer's (no ETA of ours needed). */
  waitingOnCustomer?: boolean;
  /** Marks by question id. */
  marks?: Record<string, QuestionMark>;
  /** ETAs given earlier on this thread, oldest first. */
  earlierEtas?: EarlierEta[];
  recipients?: { to: string[]; cc: string[]; bcc: string[] };
  /** The customer's address (sender of the message being answered). */
  customerAddress?: string;
  directory?: DirectoryEntry[];
}
