import { existsSync, readFileSync } from 'node:fs';
import nodePath from 'node:path';
import { builtTarget } from '../../build/output-dir.ts';
import { describe, expect, it } from 'vitest';

// `npm test` builds both extensions before Vitest runs; these check what a browser loads.
const output = (target: string) => nodePath.join(builtTarget(target), 'manifest.json');

describe.each([
  ['chrome-mv3', 3],
  ['firefox-mv2', 2],
])('built %s extension', (target, version) => {
  const path = output(target);

  it('exists (run `npm run build` first)', () => {
    expect(existsSync(path)).toBe(true);
  });

  it('asks for the minimum: storage, alarms, notifications and mail.google.com only', () => {
    const manifest = JSON.parse(readFileSync(path, 'utf8'));
    expect(manifest.manifest_version).toBe(version);
    expect(manifest.name).toBe('Step Ahead');
    const hosts = version === 3 ? manifest.host_permissions : manifest.permissions.filter((p: string) => p.includes('://'));
    expect(hosts).toEqual(['https://mail.google.com/*']);
    const apis = (manifest.permissions as string[]).filter((p) => !p.includes('://'));
    expect(apis.every((p) => ['storage', 'alarms', 'notifications', 'sidePanel'].includes(p))).toBe(true);
  });
});
