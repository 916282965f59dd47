#!/usr/bin/env node
// Runs the TypeScript CLI straight from source through tsx, so `npx step-ahead` works right
// after `npm install` with no build step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../cli/step-ahead.ts');
process.exitCode = await main(process.argv.slice(2), {
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
});
