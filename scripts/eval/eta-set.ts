import { readFileSync } from 'node:fs';
import { findEtas } from '../../lib/detect/eta.ts';
import { DEFAULT_SCHEDULE } from '../../lib/schemas/settings.ts';
import type { Eta, Holiday, Schedule } from '../../lib/types.ts';
import { accuracyScore, type AccuracyScore } from './types.ts';

// The team's ETA set (tests/eval-data/eta-phrases.json): each sentence is given alone to
// findEtas with the case's `now`, writer zone and DEFAULT_SCHEDULE (a case may add holidays
// or move the schedule to the writer's zone). Instants are compared as instants, so an
// expected value may use any offset.

interface Expectation {
  start?: string;
  end?: string;
  vague?: boolean;
  none?: boolean;
}

export interface EtaCase {
  text: string;
  expect: Expectation;
  /** What the case exercises: "weekday", "dst", "vague", "none/version", … */
  kind?: string;
  now?: string;
  timeZone?: string;
  holidays?: Holiday[];
  /** The schedule's zone when the writer's team keeps hours in another zone than New York. */
  scheduleTimeZone?: string;
  note?: string;
}

export interface EtaSetFile {
  defaults: { now: string; timeZone: string };
  /** Cases from this index on were not looked at while tuning the finder. */
  heldOutFrom?: number;
  cases: EtaCase[];
}

export interface EtaSetScores {
  resolved: AccuracyScore;
  vagueFlagged: AccuracyScore;
  falseEtas: { count: number; total: number };
  /** Vague cases where a concrete ETA was reported. */
  vagueReportedConcrete: number;
  /** Versions, prices, ticket numbers and past dates (kinds none/version|price|ticket|past) reported as an ETA. */
  nonDatesReportedAsEta: number;
}

export interface EtaSetEvaluation extends EtaSetScores {
  failures: string[];
  /** The same scores over the tuning cases and over the held-out cases. */
  tuned: EtaSetScores;
  heldOut: EtaSetScores;
  /** Cases and correct answers per kind ("none/…" kinds are grouped as "none"). */
  byKind: Record<string, { correct: number; total: number }>;
}

const SET_URL = new URL('../../tests/eval-data/eta-phrases.json', import.meta.url);
const NON_DATE_KINDS = new Set(['none/version', 'none/price', 'none/ticket', 'none/past']);

export function loadEtaSet(): EtaSetFile {
  return JSON.parse(readFileSync(SET_URL, 'utf8')) as EtaSetFile;
}

function scheduleFor(c: EtaCase): Schedule {
  if (!c.holidays && !c.scheduleTimeZone) return DEFAULT_SCHEDULE;
  // A new object each time: business-time caches open spans per schedule object.
  return {
    ...DEFAULT_SCHEDULE,
    timeZone: c.scheduleTimeZone ?? DEFAULT_SCHEDULE.timeZone,
    holidays: c.holidays ?? DEFAULT_SCHEDULE.holidays,
  };
}

function sameInstant(actual: Date | null, expected: string): boolean {
  return actual !== null && actual.getTime() === new Date(expected).getTime();
}

function describeEtas(etas: Eta[], zone: string): string {
  if (etas.length === 0) return 'nothing';
  return etas
    .map((e) => {
      if (e.vague) return `vague "${e.text}"`;
      const show = (d: Date | null) => (d ? d.toLocaleString('sv-SE', { timeZone: zone }).slice(0, 16) : 'null');
      return `"${e.text}" ${show(e.start)} → ${show(e.end)} (${zone})`;
    })
    .join('; ');
}

type Outcome = { kind: 'resolved' | 'vague' | 'none'; correct: boolean; concreteOnNonDate: boolean; concreteOnVague: boolean; anyOnNone: boolean };

function judge(c: EtaCase, etas: Eta[]): Outcome {
  const concrete = etas.filter((e) => !e.vague);
  if (c.expect.none) {
    const any = etas.length > 0;
    return {
      kind: 'none',
      correct: !any,
      anyOnNone: any,
      concreteOnNonDate: concrete.length > 0 && NON_DATE_KINDS.has(c.kind ?? ''),
      concreteOnVague: false,
    };
  }
  if (c.expect.vague) {
    return {
      kind: 'vague',
      correct: etas.length > 0 && concrete.length === 0,
      anyOnNone: false,
      concreteOnNonDate: false,
      concreteOnVague: concrete.length > 0,
    };
  }
  const first = concrete[0];
  const correct =
    first !== undefined &&
    c.expect.end !== undefined &&
    sameInstant(first.end, c.expect.end) &&
    (c.expect.start === undefined || sameInstant(first.start, c.expect.start));
  return { kind: 'resolved', correct, anyOnNone: false, concreteOnNonDate: false, concreteOnVague: false };
}

function score(outcomes: Outcome[]): EtaSetScores {
  const of = (kind: Outcome['kind']) => outcomes.filter((o) => o.kind === kind);
  const resolved = of('resolved');
  const vague = of('vague');
  const none = of('none');
  return {
    resolved: accuracyScore(resolved.filter((o) => o.correct).length, resolved.length),
    vagueFlagged: accuracyScore(vague.filter((o) => o.correct).length, vague.length),
    falseEtas: { count: none.filter((o) => o.anyOnNone).length, total: none.length },
    vagueReportedConcrete: vague.filter((o) => o.concreteOnVague).length,
    nonDatesReportedAsEta: none.filter((o) => o.concreteOnNonDate).length,
  };
}

export function evaluateEtaSet(set: EtaSetFile = loadEtaSet()): EtaSetEvaluation {
  const outcomes: Outcome[] = [];
  const failures: string[] = [];
  const byKind: Record<string, { correct: number; total: number }> = {};
  const heldOutFrom = set.heldOutFrom ?? set.cases.length;
  set.cases.forEach((c, i) => {
    const zone = c.timeZone ?? set.defaults.timeZone;
    const now = new Date(c.now ?? set.defaults.now);
    const etas = findEtas(c.text, { now, timeZone: zone, schedule: scheduleFor(c) });
    const outcome = judge(c, etas);
    outcomes.push(outcome);
    const kind = (c.kind ?? outcome.kind).split('/')[0]!;
    const tally = (byKind[kind] ??= { correct: 0, total: 0 });
    tally.total++;
    if (outcome.correct) tally.correct++;
    if (!outcome.correct) {
      const wanted = c.expect.none
        ? 'no ETA'
        : c.expect.vague
          ? 'vague only'
          : `${c.expect.start ? `${c.expect.start} → ` : ''}${c.expect.end}`;
      const split = i >= heldOutFrom ? 'held-out' : 'tuned';
      failures.push(`[${split} #${i} ${c.kind ?? outcome.kind}] ${c.text}\n      want ${wanted}; got ${describeEtas(etas, zone)}`);
    }
  });
  return {
    ...score(outcomes),
    failures,
    tuned: score(outcomes.slice(0, heldOutFrom)),
    heldOut: score(outcomes.slice(heldOutFrom)),
    byKind,
  };
}
