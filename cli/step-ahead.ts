import { readFile } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { parseArgs } from 'node:util';
import { checkBatchLine } from '../lib/batch.ts';
import { analyze } from '../lib/engine.ts';
import { isValidTimeZone, readSettings, type Settings } from '../lib/schemas/settings.ts';
import { threadContextSchema } from '../lib/schemas/thread.ts';
import { toIsoInZone } from '../lib/time/format.ts';
import type { ThreadContext } from '../lib/types.ts';
import { formatReport } from './format-report.ts';

export interface Io {
  stdin: Readable;
  stdout: Writable;
  stderr: Writable;
}

const USAGE = `Usage:
  step-ahead check --customer FILE --draft FILE [options]
  step-ahead check --batch [--settings FILE] < lines.jsonl > results.jsonl

Checks a reply draft against the team's correspondence rules.

Options:
  --customer FILE     the customer's message being answered (text or HTML)
  --draft FILE        your reply (text or HTML)
  --now ISO           the time to check at, ISO-8601 with offset (default: now)
  --tz ZONE           your IANA time zone; times you write without a zone are read in it
                      (default: the schedule's zone, America/New_York)
  --format text|json  output for people (default) or for tools
  --resolved          this reply resolves the issue (no ETA needed)
  --waiting           the next step is the customer's (no ETA needed)
  --thread FILE       JSON thread context: marks, earlierEtas, recipients, directory
  --settings FILE     JSON settings (schedule, rules on/off and severity)
  --batch             read JSON lines {"id","customer","draft","now","timeZone","resolved"?}
                      from standard input and write one JSON result per line
  -h, --help          show this help

Exit status: 0 no error-level finding, 1 an error-level finding remains, 2 bad usage or input.`;

class UsageError extends Error {}

async function readText(path: string, what: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new UsageError(`cannot read ${what} file "${path}" (${reason})`);
  }
}

async function readJson(path: string, what: string): Promise<unknown> {
  const text = await readText(path, what);
  try {
    return JSON.parse(text);
  } catch {
    throw new UsageError(`${what} file "${path}" is not valid JSON`);
  }
}

async function loadSettings(path: string | undefined, io: Io): Promise<Settings> {
  const { settings, problems } = readSettings(path ? await readJson(path, 'settings') : {});
  for (const problem of problems) io.stderr.write(`step-ahead: settings: ${problem}\n`);
  return settings;
}

async function runBatch(settings: Settings, io: Io): Promise<number> {
  const lines = createInterface({ input: io.stdin, crlfDelay: Infinity });
  for await (const line of lines) {
    if (line.trim() === '') continue;
    const result = checkBatchLine(line, settings);
    if (!io.stdout.write(`${JSON.stringify(result)}\n`)) {
      await new Promise((resolve) => io.stdout.once('drain', resolve));
    }
  }
  return 0;
}

async function runCheck(values: Record<string, string | boolean | undefined>, io: Io): Promise<number> {
  const settings = await loadSettings(values.settings as string | undefined, io);
  if (values.batch) return runBatch(settings, io);

  const customerPath = values.customer as string | undefined;
  const draftPath = values.draft as string | undefined;
  if (!customerPath || !draftPath) throw new UsageError('check needs --customer FILE and --draft FILE (or --batch)');
  const format = (values.format as string | undefined) ?? 'text';
  if (format !== 'text' && format !== 'json') throw new UsageError(`--format is text or json, not "${format}"`);
  const timeZone = (values.tz as string | undefined) ?? settings.schedule.timeZone;
  if (!isValidTimeZone(timeZone)) throw new UsageError(`--tz: unknown time zone "${timeZone}"`);
  let now = new Date();
  if (values.now !== undefined) {
    now = new Date(values.now as string);
    if (Number.isNaN(now.getTime())) throw new UsageError(`--now: "${values.now}" is not an ISO-8601 time`);
  }
  let thread: ThreadContext = {};
  if (values.thread) {
    const parsed = threadContextSchema.safeParse(await readJson(values.thread as string, 'thread'));
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new UsageError(`thread file: ${issue?.path.join('.') || 'root'}: ${issue?.message}`);
    }
    thread = parsed.data;
  }
  if (values.resolved) thread = { ...thread, resolved: true };
  if (values.waiting) thread = { ...thread, waitingOnCustomer: true };

  const [customer, draft] = await Promise.all([
    readText(customerPath, 'customer'),
    readText(draftPath, 'draft'),
  ]);
  const analysis = analyze({ customer, draft, now, timeZone, thread }, settings);
  for (const failure of analysis.ruleErrors) {
    io.stderr.write(`step-ahead: rule ${failure.ruleId} failed and was skipped: ${failure.message}\n`);
  }
  if (format === 'json') {
    const eta = analysis.primaryEta;
    io.stdout.write(
      `${JSON.stringify(
        {
          findings: analysis.findings,
          questions: analysis.questions.map((q) => ({
            text: q.question.text,
            kind: q.question.kind,
            type: q.question.type,
            answered: q.answered,
            reason: q.reason,
            answeredBy: q.answeredBy.map((s) => s.text),
          })),
          etas: analysis.etas.map((e) => ({
            text: e.text,
            range: e.range,
            start: e.start && toIsoInZone(e.start, e.timeZone),
            end: e.end && toIsoInZone(e.end, e.timeZone),
            vague: e.vague,
          })),
          eta: eta && {
            text: eta.text,
            start: eta.start && toIsoInZone(eta.start, eta.timeZone),
            end: eta.end && toIsoInZone(eta.end, eta.timeZone),
            vague: eta.vague,
          },
        },
        null,
        2,
      )}\n`,
    );
  } else {
    io.stdout.write(formatReport(analysis, draftPath, timeZone));
  }
  return analysis.findings.some((f) => f.severity === 'error') ? 1 : 0;
}

/** Runs the CLI and returns its exit status. */
export async function main(argv: string[], io: Io): Promise<number> {
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        customer: { type: 'string' },
        draft: { type: 'string' },
        now: { type: 'string' },
        tz: { type: 'string' },
        format: { type: 'string' },
        thread: { type: 'string' },
        settings: { type: 'string' },
        resolved: { type: 'boolean' },
        waiting: { type: 'boolean' },
        batch: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
    if (values.help || positionals.length === 0) {
      io.stdout.write(`${USAGE}\n`);
      return values.help ? 0 : 2;
    }
    if (positionals[0] !== 'check' || positionals.length > 1) {
      throw new UsageError(`unknown command "${positionals.join(' ')}"`);
    }
    return await runCheck(values, io);
  } catch (error) {
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      io.stderr.write(`step-ahead: ${(error as Error).message}\n\n${USAGE}\n`);
      return 2;
    }
    throw error;
  }
}
