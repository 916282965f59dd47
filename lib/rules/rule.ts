import type { Settings } from '../schemas/settings.ts';
import type {
  Eta,
  QuestionStatus,
  Report,
  RuleMeta,
  Schedule,
  Sentence,
  TextModel,
  ThreadContext,
} from '../types.ts';

/** Everything a rule may look at. Built once per analysis and shared by every rule. */
export interface RuleContext {
  /** The reply being written. */
  draft: TextModel;
  /** Sentences of the writer's own new text (inline replies included), in order. */
  draftSentences: Sentence[];
  /** The customer message being answered. */
  customer: TextModel;
  /** Each customer question with its answered state. */
  questions: QuestionStatus[];
  /** ETAs in the writer's new text, in order. */
  etas: Eta[];
  now: Date;
  /** The writer's zone: times that name none are read in it. */
  timeZone: string;
  schedule: Schedule;
  thread: ThreadContext;
  settings: Settings;
}

export interface Rule {
  meta: RuleMeta;
  check(context: RuleContext): Report[];
}
