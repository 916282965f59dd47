import type { Analysis } from './engine.ts';
import { RULES } from './rules/index.ts';
import type {
  PanelEta,
  PanelFinding,
  PanelQuestion,
  PanelRule,
  PanelSnapshot,
  PanelThread,
  ThreadFlags,
} from './schemas/panel.ts';
import type { Settings } from './schemas/settings.ts';
import { formatInstant, toIsoInZone } from './time/format.ts';
import type { Eta, Finding, QuestionStatus } from './types.ts';

// Turns an analysis into what the side panel and the in-compose status show. Every string is
// clipped to panelSnapshotSchema's limits here, so a long email never makes the background
// reject a snapshot.

export interface SnapshotOptions {
  /** Which compose of the tab this is about; null for a thread with no compose open. */
  composeId: string | null;
  thread: PanelThread;
  flags: ThreadFlags;
  settings: Settings;
  /** The writer's zone: the ETA is shown in it. */
  timeZone: string;
  /** Defaults to Date.now(). */
  updatedAt?: number;
}

export const EXCERPT_MAX = 200;
export const VAGUE_ETA_DISPLAY = 'vague: name a day and time';

const LIMITS = {
  message: 2000,
  excerpt: EXCERPT_MAX,
  label: 200,
  findingsPerRule: 200,
  suggestions: 10,
  questions: 500,
  answeredBy: 20,
  questionId: 64,
  questionType: 32,
  etaText: 500,
  display: 200,
} as const;

/** Clips to max UTF-16 units, ending in an ellipsis, without splitting a surrogate pair. */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = max - 1;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--;
  return `${text.slice(0, end)}…`;
}

function panelFinding(finding: Finding, draftText: string): PanelFinding {
  const out: PanelFinding = {
    severity: finding.severity,
    message: clip(finding.message, LIMITS.message),
    suggestions: (finding.suggestions ?? []).slice(0, LIMITS.suggestions).map((s) => ({
      action: clip(s.action, LIMITS.label),
      label: clip(s.label, LIMITS.label),
    })),
  };
  if (finding.range) {
    const excerpt = draftText.slice(finding.range[0], finding.range[1]).trim();
    if (excerpt) out.excerpt = clip(excerpt, LIMITS.excerpt);
  }
  return out;
}

function panelRules(analysis: Analysis, settings: Settings): PanelRule[] {
  const byRule = new Map<string, Finding[]>();
  for (const finding of analysis.findings) {
    const list = byRule.get(finding.ruleId);
    if (list) list.push(finding);
    else byRule.set(finding.ruleId, [finding]);
  }
  // An empty draft has passed nothing yet: "Passes" beside every rule before a word is typed
  // would tell the writer the opposite of the truth.
  const pending = analysis.draftSentences.length === 0;
  return RULES.map((rule) => {
    const severity = settings.rules[rule.meta.id] ?? rule.meta.defaultSeverity;
    const findings = severity === 'off' || pending ? [] : (byRule.get(rule.meta.id) ?? []);
    return {
      ruleId: rule.meta.id,
      title: clip(rule.meta.title, LIMITS.label),
      status: severity === 'off' ? 'off' : pending ? 'pending' : findings.length > 0 ? 'fail' : 'pass',
      severity,
      findings: findings.slice(0, LIMITS.findingsPerRule).map((f) => panelFinding(f, analysis.draft.text)),
    };
  });
}

function panelQuestion(status: QuestionStatus): PanelQuestion {
  const out: PanelQuestion = {
    id: clip(status.question.id, LIMITS.questionId),
    text: clip(status.question.text, LIMITS.message),
    kind: status.question.kind,
    type: clip(status.question.type, LIMITS.questionType),
    answered: status.answered,
    reason: clip(status.reason, LIMITS.message),
    answeredBy: status.answeredBy.slice(0, LIMITS.answeredBy).map((s) => clip(s.text.trim(), LIMITS.message)),
  };
  if (status.mark) out.mark = status.mark;
  return out;
}

/** The primary ETA as the panel shows it: its commitment in the writer's zone. */
export function panelEta(eta: Eta | null, timeZone: string): PanelEta | null {
  if (!eta) return null;
  const concrete = !eta.vague && eta.end instanceof Date && Number.isFinite(eta.end.getTime());
  return {
    text: clip(eta.text, LIMITS.etaText),
    end: concrete ? toIsoInZone(eta.end!, timeZone) : null,
    vague: !concrete,
    display: clip(concrete ? formatInstant(eta.end!, timeZone) : VAGUE_ETA_DISPLAY, LIMITS.display),
  };
}

/**
 * Failing checks at error or warning level: the number the in-compose status shows. A check
 * is a rule (the pre-send checklist lists one item per failing rule), so three unanswered
 * questions are one failing check, not three.
 */
export function failingCount(rules: readonly PanelRule[]): number {
  return rules.filter((rule) => rule.status === 'fail' && (rule.severity === 'error' || rule.severity === 'warning')).length;
}


export interface PanelThreadInput {
  threadId: string | null;
  subject: string;
  customer: { name: string; email: string } | null;
  messageCount: number;
  lastCustomerAt: string | null;
  ourLastReplyAt: string | null;
  earlierEtas: readonly { due: string; text: string }[];
}

const isIso = (value: string | null): value is string => value !== null && Number.isFinite(Date.parse(value));

/** The thread part of a snapshot, clipped to the schema's limits (the newest promises kept). */
export function buildPanelThread(input: PanelThreadInput): PanelThread {
  return {
    threadId: input.threadId === null ? null : clip(input.threadId, LIMITS.label),
    subject: clip(input.subject, 1000),
    customer: input.customer
      ? { name: clip(input.customer.name, LIMITS.label), email: clip(input.customer.email, 320) }
      : null,
    messageCount: Math.max(0, Math.min(10_000, Math.floor(input.messageCount) || 0)),
    lastCustomerAt: isIso(input.lastCustomerAt) ? input.lastCustomerAt : null,
    ourLastReplyAt: isIso(input.ourLastReplyAt) ? input.ourLastReplyAt : null,
    earlierEtas: input.earlierEtas
      .filter((eta) => isIso(eta.due) && eta.due.length <= 64)
      .slice(-100)
      .map((eta) => ({ due: eta.due, text: clip(eta.text, LIMITS.message) })),
  };
}

export function buildPanelSnapshot(analysis: Analysis, options: SnapshotOptions): PanelSnapshot {
  const rules = panelRules(analysis, options.settings);
  return {
    composeId: options.composeId === null ? null : clip(options.composeId, LIMITS.label),
    updatedAt: options.updatedAt ?? Date.now(),
    failing: failingCount(rules),
    rules,
    questions: analysis.questions.slice(0, LIMITS.questions).map(panelQuestion),
    eta: panelEta(analysis.primaryEta, options.timeZone),
    thread: options.thread,
    flags: options.flags,
  };
}

/**
 * A cheap identity of what a snapshot shows, ignoring when it was made: equal signatures
 * mean the side panel would draw the same thing, so the content script need not report it.
 */
export function snapshotSignature(snapshot: PanelSnapshot | null): string {
  if (!snapshot) return 'null';
  return JSON.stringify({ ...snapshot, updatedAt: 0 });
}
