import type { Analysis } from '../../lib/engine.ts';
import type { PanelSnapshot } from '../../lib/schemas/panel.ts';
import type { Settings } from '../../lib/schemas/settings.ts';
import type { ComposeState } from './adapter.ts';

/**
 * A fresh check of one compose, made at the moment of sending (CheckSession.checkNow): what
 * the pre-send guard decides on, and what the send record is built from.
 */
export interface SendCheck {
  snapshot: PanelSnapshot;
  analysis: Analysis;
  settings: Settings;
  state: ComposeState;
  /** The key marks are kept under: the thread id, or `draft:` / `compose:` for a new message. */
  threadKey: string;
  subject: string;
  customer: { name: string; email: string } | null;
  /** When the customer's message being answered arrived (ISO-8601), or null. */
  customerMessageAt: string | null;
  accountAddress: string | null;
  /** The writer's zone. */
  timeZone: string;
}
