import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { builtTarget } from '../build/output-dir.ts';

// Gzipped size of every script a browser loads from the built Chrome extension. The Gmail
// content script is injected into every Gmail page, so it has a budget (issue 4: 150 KB
// gzipped); tests/extension/bundle-size.test.ts enforces it on the build output.
//
//   npx tsx scripts/bundle-size.ts [outputDir]     (default .output/chrome-mv3)

export const GMAIL_SCRIPT_BUDGET_BYTES = 150 * 1024;
export const DEFAULT_OUTPUT_DIR = builtTarget('chrome-mv3');

export interface ScriptSize {
  /** Path inside the output folder, with forward slashes. */
  file: string;
  bytes: number;
  gzipBytes: number;
}

function scriptsIn(dir: string, relative: string): string[] {
  const folder = path.join(dir, relative);
  if (!existsSync(folder)) return [];
  return readdirSync(folder)
    .filter((name) => name.endsWith('.js') && statSync(path.join(folder, name)).isFile())
    .map((name) => (relative ? `${relative}/${name}` : name));
}

/** Every .js at the top of the output folder, in content-scripts/ and in chunks/, largest gzip first. */
export function measureScripts(outputDir: string = DEFAULT_OUTPUT_DIR): ScriptSize[] {
  const files = [...scriptsIn(outputDir, ''), ...scriptsIn(outputDir, 'content-scripts'), ...scriptsIn(outputDir, 'chunks')];
  return files
    .map((file) => {
      const source = readFileSync(path.join(outputDir, file));
      return { file, bytes: source.length, gzipBytes: gzipSync(source, { level: 9 }).length };
    })
    .sort((a, b) => b.gzipBytes - a.gzipBytes);
}

/** content-scripts/gmail.js, whatever extension WXT gave it; null when not built. */
export function gmailScript(sizes: readonly ScriptSize[]): ScriptSize | null {
  return sizes.find((size) => /^content-scripts\/gmail(\.[\w-]+)?\.js$/.test(size.file)) ?? null;
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

export function formatSizes(sizes: readonly ScriptSize[]): string {
  const width = Math.max(4, ...sizes.map((size) => size.file.length));
  const lines = [`${'file'.padEnd(width)}  ${'raw'.padStart(9)}  ${'gzip'.padStart(9)}`];
  for (const size of sizes) lines.push(`${size.file.padEnd(width)}  ${kb(size.bytes).padStart(9)}  ${kb(size.gzipBytes).padStart(9)}`);
  const gmail = gmailScript(sizes);
  if (gmail) {
    const verdict = gmail.gzipBytes <= GMAIL_SCRIPT_BUDGET_BYTES ? 'within' : 'OVER';
    lines.push(`Gmail content script: ${kb(gmail.gzipBytes)} gzipped, ${verdict} the ${kb(GMAIL_SCRIPT_BUDGET_BYTES)} budget`);
  }
  return lines.join('\n');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const dir = path.resolve(process.argv[2] ?? DEFAULT_OUTPUT_DIR);
  const sizes = measureScripts(dir);
  if (sizes.length === 0) {
    console.error(`No built scripts in ${dir}: run \`npm run build\` first.`);
    process.exitCode = 1;
  } else {
    console.log(formatSizes(sizes));
    const gmail = gmailScript(sizes);
    if (gmail && gmail.gzipBytes > GMAIL_SCRIPT_BUDGET_BYTES) process.exitCode = 1;
  }
}
