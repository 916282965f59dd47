import { vi } from 'vitest';
import type { ProtocolMap } from '../../utils/messaging.ts';

// Stands in for utils/messaging.ts: records the handlers the background registers and the
// messages it sends, and delivers a message the way @webext-core/messaging does (a thrown
// error becomes the sender's rejection; the background carries on).

type Handler = (message: { data: unknown; sender: unknown; id: number; type: string; timestamp: number }) => unknown;

export const handlers = new Map<string, Handler>();
export const sent: Array<{ type: keyof ProtocolMap; data: unknown; tabId?: number }> = [];
/** Tab ids whose content script does not answer (closed, discarded, not loaded yet). */
export const deadTabs = new Set<number>();
/** When false, runtime broadcasts find no panel and reject as Chrome does. */
export const panel = { open: true };

export const onMessage = vi.fn((type: string, handler: Handler) => {
  if (handlers.has(type)) throw new Error(`only one listener per type: ${type}`);
  handlers.set(type, handler);
  return () => handlers.delete(type);
});

export const sendMessage = vi.fn(async (type: keyof ProtocolMap, data: unknown, tabId?: number) => {
  sent.push({ type, data, ...(tabId === undefined ? {} : { tabId }) });
  if (tabId === undefined && !panel.open) throw new Error('Could not establish connection. Receiving end does not exist.');
  if (tabId !== undefined && deadTabs.has(tabId)) throw new Error('No response');
  return undefined;
});

export const removeAllListeners = () => handlers.clear();

let nextId = 1;
/** Delivers a message to the registered handler: { res } or { err }, like the real messenger. */
export async function deliver(type: string, data: unknown, sender: unknown): Promise<{ res?: unknown; err?: Error }> {
  const handler = handlers.get(type);
  if (!handler) throw new Error(`no handler for ${type}`);
  try {
    return { res: await handler({ data, sender, id: nextId++, type, timestamp: Date.now() }) };
  } catch (err) {
    return { err: err as Error };
  }
}

export function resetMessaging(): void {
  handlers.clear();
  sent.length = 0;
  deadTabs.clear();
  panel.open = true;
  sendMessage.mockClear();
  onMessage.mockClear();
}
