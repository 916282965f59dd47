import { directorySchema, type CustomerEntry } from '../schemas/directory.ts';
import { isLockPath, SETTING_KEYS, type LockPath, type PartialSettings, readPartialSettings } from './merge.ts';

// A team file: settings and customer directory shared as JSON (the same shape as the managed
// policy: `settings`, `directory`, `locked`). Unlike stored settings, an import is all or
// nothing: a file is a deliberate act, so any problem refuses the whole file with a message
// that says where, and nothing changes. A file may be hostile, so the text is size-checked
// before parsing, and keys that could reach an object's prototype refuse the file outright.

export const TEAM_FILE_MAX_BYTES = 2 * 1024 * 1024;
const MAX_DEPTH = 12;
const MAX_NODES = 200_000;
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
const TOP_LEVEL_KEYS = new Set(['stepAhead', 'version', 'settings', 'directory', 'locked']);
export const TEAM_FILE_MARKER = 'team-file';

export interface TeamFile extends PartialSettings {
  directory: CustomerEntry[] | null;
  /** Locks only hold in a managed policy; from a file they are read and reported, not applied. */
  locks: LockPath[];
}

export type TeamFileResult = { ok: true; file: TeamFile } | { ok: false; error: string };

const refuse = (error: string): TeamFileResult => ({ ok: false, error: `The file was not imported: ${error}. Nothing was changed.` });

/** Finds the first structural problem: forbidden keys, too deep, too many values. */
function structureProblem(root: unknown): string | null {
  let nodes = 0;
  const stack: { value: unknown; depth: number; path: string }[] = [{ value: root, depth: 0, path: '' }];
  while (stack.length > 0) {
    const { value, depth, path } = stack.pop()!;
    if (++nodes > MAX_NODES) return 'it holds too many values';
    if (typeof value !== 'object' || value === null) continue;
    if (depth > MAX_DEPTH) return `it is nested too deeply (at ${path || 'the top'})`;
    if (Array.isArray(value)) {
      value.forEach((item, index) => stack.push({ value: item, depth: depth + 1, path: `${path}[${index}]` }));
      continue;
    }
    for (const key of Object.keys(value)) {
      if (FORBIDDEN_KEYS.has(key)) return `it contains the key "${key}"${path ? ` at ${path}` : ''}, which is not allowed`;
      stack.push({ value: (value as Record<string, unknown>)[key], depth: depth + 1, path: path ? `${path}.${key}` : key });
    }
  }
  return null;
}

/** Reads a team file's text. Never throws. */
export function parseTeamFile(text: string): TeamFileResult {
  if (typeof text !== 'string') return refuse('it is not text');
  // UTF-16 length bounds the byte size from below; either way a file this big is not ours.
  if (text.length > TEAM_FILE_MAX_BYTES) return refuse(`it is larger than ${TEAM_FILE_MAX_BYTES / 1024 / 1024} MB`);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return refuse(`it is not valid JSON (${error instanceof Error ? error.message.slice(0, 120) : 'parse error'})`);
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return refuse('it must be a JSON object with "settings" and/or "directory"');
  const problem = structureProblem(data);
  if (problem) return refuse(problem);
  const input = data as Record<string, unknown>;
  for (const key of Object.keys(input)) {
    if (!TOP_LEVEL_KEYS.has(key)) return refuse(`"${key.slice(0, 60)}" is not part of a team file (expected settings, directory, locked)`);
  }
  if (input.stepAhead !== undefined && input.stepAhead !== TEAM_FILE_MARKER) return refuse('"stepAhead" must be "team-file"');
  if (input.version !== undefined && input.version !== 1) return refuse('only version 1 team files can be read');
  if (input.settings === undefined && input.directory === undefined) return refuse('it has neither "settings" nor "directory"');

  const settings = readPartialSettings(input.settings, 'settings');
  if (settings.problems.length > 0) return refuse(settings.problems[0]!.replace(/; (ignored|default used)$/, ''));

  let directory: CustomerEntry[] | null = null;
  if (input.directory !== undefined) {
    const parsed = directorySchema.safeParse(input.directory);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue?.path.length ? `directory${issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('')}` : 'directory';
      return refuse(`${where}: ${issue?.message ?? 'invalid'}`);
    }
    directory = parsed.data;
  }

  const locks: LockPath[] = [];
  if (input.locked !== undefined) {
    if (!Array.isArray(input.locked) || input.locked.length > 200) return refuse('"locked" must be a list of setting names');
    for (const path of input.locked) {
      if (typeof path !== 'string' || !isLockPath(path)) return refuse(`locked: "${String(path).slice(0, 60)}" is not a setting (e.g. ${SETTING_KEYS[0]} or rules.ownership)`);
      locks.push(path);
    }
  }
  return { ok: true, file: { fields: settings.fields, rules: settings.rules, directory, locks } };
}

/** A team file for export: the user's effective choices and directory, as the import reads them. */
export function teamFileText(content: { settings: Record<string, unknown>; directory: CustomerEntry[] }): string {
  return `${JSON.stringify({ stepAhead: TEAM_FILE_MARKER, version: 1, settings: content.settings, directory: content.directory }, null, 2)}\n`;
}
