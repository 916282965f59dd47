import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { PassThrough, Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { main } from '../../cli/step-ahead.ts';

const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));
const NOW = '2026-11-18T10:00:00-05:00';

async function cli(args: string[], stdin = '') {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (chunk) => (out += chunk));
  stderr.on('data', (chunk) => (err += chunk));
  const code = await main(args, { stdin: Readable.from([stdin]), stdout, stderr });
  return { code, out, err };
}

const check = (draft: string, ...extra: string[]) =>
  cli(['check', '--customer', fixture('customer-outage.txt'), '--draft', fixture(draft), '--now', NOW, '--tz', 'America/New_York', ...extra]);

describe('step-ahead check', () => {
  it('flags a draft that misses answers, gives no ETA, has no next steps and has red text', async () => {
    const { code, out } = await check('draft-bad.html');
    expect(code).toBe(1);
    for (const rule of ['questions-answered', 'eta-present', 'next-steps', 'no-red-text']) {
      expect(out).toContain(rule);
    }
    // Linter style: the red text's line and the quoted line itself.
    expect(out).toMatch(/\d+:\d+\s+error\s+Red text/);
    expect(out).toContain('> We are looking at the dashboards.');
    expect(out).toMatch(/✗ Can you tell us when this will be fixed\?/);
  });

  it('passes a good reply with exit 0 and names its ETA', async () => {
    const { code, out } = await check('draft-good.txt');
    expect(out).toContain('No problems');
    expect(code).toBe(0);
    expect(out).toMatch(/ETA: “[^”]*1 pm ET[^”]*” → Wed, Nov 18, 1:00 PM EST/);
  });

  it('writes JSON for tools', async () => {
    const { code, out } = await check('draft-bad.html', '--format', 'json');
    expect(code).toBe(1);
    const json = JSON.parse(out);
    expect(json.questions.map((q: { answered: boolean }) => q.answered)).toEqual([false, false, false]);
    expect(json.findings.some((f: { ruleId: string }) => f.ruleId === 'no-red-text')).toBe(true);
  });

  it('reports an unreadable file clearly with exit 2', async () => {
    const { code, err } = await cli(['check', '--customer', '/nonexistent/c.txt', '--draft', fixture('draft-good.txt')]);
    expect(code).toBe(2);
    expect(err).toContain('cannot read customer file "/nonexistent/c.txt" (ENOENT)');
  });

  it('rejects bad usage with exit 2', async () => {
    expect((await cli(['check'])).code).toBe(2);
    expect((await cli(['frobnicate'])).code).toBe(2);
    expect((await cli(['check', '--bogus'])).code).toBe(2);
    expect((await check('draft-good.txt', '--tz', 'Mars/Olympus')).err).toContain('unknown time zone');
    expect((await check('draft-good.txt', '--now', 'yesterday')).code).toBe(2);
  });

  it('honours --resolved: no ETA is required', async () => {
    const without = await check('draft-bad.html', '--format', 'json');
    const withFlag = await check('draft-bad.html', '--format', 'json', '--resolved');
    const rules = (out: string) => JSON.parse(out).findings.map((f: { ruleId: string }) => f.ruleId);
    expect(rules(without.out)).toContain('eta-present');
    expect(rules(withFlag.out)).not.toContain('eta-present');
  });
});

describe('step-ahead check --batch', () => {
  const line = (fields: Record<string, unknown>) => JSON.stringify(fields);

  it('answers one line per input, in order, and goes on past bad lines', async () => {
    const input = [
      line({ id: 'a', customer: 'Can you reset my password?', draft: 'Hi Jo, I will reset your password by 3 pm ET Thursday. Next, I will email you a link.', now: NOW, timeZone: 'America/New_York' }),
      '{not json',
      line({ id: 'c', customer: 'Hi', draft: 'Thanks', now: '2026-11-18 10:00', timeZone: 'America/New_York' }),
      '',
      line({ id: 7, customer: '<div>When will it ship?</div>', draft: '<div>It ships soon.</div>', now: NOW, timeZone: 'Europe/London', resolved: false }),
    ].join('\n');
    const { code, out } = await cli(['check', '--batch'], input);
    expect(code).toBe(0);
    const results = out.trim().split('\n').map((l) => JSON.parse(l));
    expect(results).toHaveLength(4);

    const [a, bad, c, d] = results;
    expect(Object.keys(a)).toEqual(['id', 'findings', 'questions', 'eta']);
    expect(a.id).toBe('a');
    expect(a.eta).toEqual({ text: expect.stringContaining('3 pm ET Thursday'), start: '2026-11-19T15:00:00-05:00', end: '2026-11-19T15:00:00-05:00', vague: false });
    expect(a.questions).toEqual([{ text: 'Can you reset my password?', answered: true }]);
    for (const f of a.findings) expect(Object.keys(f).every((k) => ['ruleId', 'severity', 'message', 'range'].includes(k))).toBe(true);

    expect(bad).toEqual({ id: null, error: 'line is not valid JSON' });
    expect(c.id).toBe('c');
    expect(c.error).toMatch(/now/);

    expect(d.id).toBe(7);
    expect(d.eta).toEqual({ text: 'soon', start: null, end: null, vague: true });
    expect(d.findings.map((f: { ruleId: string }) => f.ruleId)).toContain('eta-concrete');
    const vague = d.findings.find((f: { ruleId: string }) => f.ruleId === 'eta-concrete');
    expect('It ships soon.'.slice(vague.range[0], vague.range[1])).toBe('soon');
  });

  it('works as the installed bin, through npx, with no build step', async () => {
    const bin = fileURLToPath(new URL('../../bin/step-ahead.mjs', import.meta.url));
    const child = execFile(process.execPath, [bin, 'check', '--batch']);
    child.stdin!.end(`${line({ id: 1, customer: 'Any update?', draft: 'No news yet.', now: NOW, timeZone: 'UTC' })}\n`);
    let out = '';
    child.stdout!.on('data', (d) => (out += d));
    const code = await new Promise((resolve) => child.on('close', resolve));
    expect(code).toBe(0);
    expect(JSON.parse(out).id).toBe(1);
  });
});

