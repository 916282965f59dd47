import type { PanelRule } from './schemas/panel.ts';

// The one sentence the in-compose status, the in-page panel and the side panel all show.
// Kept apart from panel-snapshot.ts so the side panel does not bundle the engine for it.

/** "Checks start as you type", "All checks pass", "1 check failing", "3 checks failing". */
export function checksSummary(snapshot: { rules: readonly PanelRule[]; failing: number }): string {
  if (snapshot.rules.some((rule) => rule.status === 'pending')) return 'Checks start as you type';
  if (snapshot.failing <= 0) return 'All checks pass';
  return `${snapshot.failing} ${snapshot.failing === 1 ? 'check' : 'checks'} failing`;
}
