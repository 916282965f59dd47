import { z } from 'zod';
import { analyze } from './engine.ts';
import { isValidTimeZone, type Settings } from './schemas/settings.ts';
import { toIsoInZone } from './time/format.ts';

// The `step-ahead check --batch` protocol (DESIGN.md §5): one JSON object per line in, one
// per line out, in the same order. A line that can't be read gets {"id","error"} and the
// batch goes on.

const isoWithOffset = z
  .string()
  .regex(
    /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/,
    'now must be ISO-8601 with an offset, e.g. 2026-11-18T10:00:00-05:00',
  )
  .refine((s) => !Number.isNaN(Date.parse(s)), 'now is not a real time');

export const batchInputSchema = z.object({
  id: z.union([z.string(), z.number()]),
  customer: z.string(),
  draft: z.string(),
  now: isoWithOffset,
  timeZone: z.string().refine(isValidTimeZone, 'timeZone must be an IANA zone such as America/New_York'),
  resolved: z.boolean().optional(),
});

export interface BatchFinding {
  ruleId: string;
  severity: string;
  message: string;
  range?: [number, number];
}

export interface BatchResult {
  id: string | number | null;
  findings: BatchFinding[];
  questions: { text: string; answered: boolean }[];
  eta: { text: string; start: string | null; end: string | null; vague: boolean } | null;
}

export interface BatchError {
  id: string | number | null;
  error: string;
}

function idOf(value: unknown): string | number | null {
  if (typeof value !== 'object' || value === null) return null;
  const id = (value as { id?: unknown }).id;
  return typeof id === 'string' || typeof id === 'number' ? id : null;
}

/** Checks one batch line. Never throws: every failure becomes an error result. */
export function checkBatchLine(line: string, settings: Settings): BatchResult | BatchError {
  let raw: unknown;
  try {
    raw = JSON.parse(line);
  } catch {
    return { id: null, error: 'line is not valid JSON' };
  }
  const parsed = batchInputSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? `${issue.path.join('.')}: ` : '';
    return { id: idOf(raw), error: `${where}${issue?.message ?? 'invalid input'}` };
  }
  const input = parsed.data;
  try {
    const analysis = analyze(
      {
        customer: input.customer,
        draft: input.draft,
        now: new Date(input.now),
        timeZone: input.timeZone,
        thread: { resolved: input.resolved },
      },
      settings,
    );
    const eta = analysis.primaryEta;
    return {
      id: input.id,
      findings: analysis.findings.map((f) => ({
        ruleId: f.ruleId,
        severity: f.severity,
        message: f.message,
        ...(f.range ? { range: [f.range[0], f.range[1]] as [number, number] } : {}),
      })),
      questions: analysis.questions.map((q) => ({ text: q.question.text, answered: q.answered })),
      eta: eta && {
        text: eta.text,
        start: eta.start && toIsoInZone(eta.start, eta.timeZone),
        end: eta.end && toIsoInZone(eta.end, eta.timeZone),
        vague: eta.vague,
      },
    };
  } catch (error) {
    return { id: input.id, error: `internal error: ${error instanceof Error ? error.message : String(error)}` };
  }
}
