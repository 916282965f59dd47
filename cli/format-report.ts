import type { Analysis } from '../lib/engine.ts';
import { formatInstant } from '../lib/time/format.ts';
import type { Finding } from '../lib/types.ts';

/** 1-based line and column of a UTF-16 offset. */
function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line += 1;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

function lineAt(text: string, offset: number): string {
  const start = text.lastIndexOf('\n', offset - 1) + 1;
  const end = text.indexOf('\n', offset);
  return text.slice(start, end === -1 ? undefined : end);
}

const LABEL: Record<Finding['severity'], string> = { error: 'error', warning: 'warning', info: 'info' };

/** A linter-style report: each finding with its line, the quoted text, and a summary. */
export function formatReport(analysis: Analysis, fileName: string, timeZone: string): string {
  const text = analysis.draft.text;
  const out: string[] = [fileName];
  for (const finding of analysis.findings) {
    const at = finding.range ? lineColumn(text, finding.range[0]) : null;
    const where = at ? `${at.line}:${at.column}` : '-';
    out.push(`  ${where.padEnd(7)} ${LABEL[finding.severity].padEnd(7)} ${finding.message}  ${finding.ruleId}`);
    if (finding.range) {
      const line = lineAt(text, finding.range[0]).trimEnd();
      if (line.trim()) out.push(`          > ${line.length > 120 ? `${line.slice(0, 119)}…` : line}`);
    }
  }
  const questions = analysis.questions;
  if (questions.length > 0) {
    out.push('', `Customer questions (${questions.filter((q) => q.answered).length}/${questions.length} answered):`);
    for (const q of questions) out.push(`  ${q.answered ? '✓' : '✗'} ${q.question.text}  — ${q.reason}`);
  }
  const eta = analysis.primaryEta;
  if (eta) {
    out.push(
      '',
      eta.vague || !eta.end
        ? `ETA: “${eta.text}” (vague)`
        : `ETA: “${eta.text}” → ${formatInstant(eta.end, timeZone)}`,
    );
  }
  const errors = analysis.findings.filter((f) => f.severity === 'error').length;
  const warnings = analysis.findings.filter((f) => f.severity === 'warning').length;
  const total = analysis.findings.length;
  out.push(
    '',
    total === 0
      ? '✔ No problems: this reply follows the rules.'
      : `✖ ${total} problem${total === 1 ? '' : 's'} (${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'})`,
  );
  return `${out.join('\n')}\n`;
}
