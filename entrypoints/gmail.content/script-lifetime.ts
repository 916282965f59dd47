import { createOnceLogger, isSelectorError } from './selector-error.ts';

/**
 * The part of WXT's ContentScriptContext the Gmail script uses. Everything registered
 * through it dies with the script (extension update, reload, uninstall); tests pass a fake.
 */
export interface ScriptLifetime {
  readonly isInvalid: boolean;
  onInvalidated(callback: () => void): () => void;
  setTimeout(handler: () => void, timeout?: number): number;
  addEventListener(target: EventTarget, type: string, handler: (event: Event) => void, options?: AddEventListenerOptions): void;
}

export type ErrorLog = (error: unknown, context?: string) => void;

/** Chrome's message once the extension was reloaded under a still-open Gmail tab. */
export function isContextInvalidated(error: unknown): boolean {
  const message = error instanceof Error ? error.message : typeof error === 'string' ? error : '';
  return message.includes('Extension context invalidated');
}

/**
 * Logs each distinct failure once. Missing Gmail elements and a dead extension context are
 * expected in a page we do not control, so they go to console.debug; anything else is ours
 * and gets a warning.
 */
export function createGmailLog(consoleLike: Pick<Console, 'debug' | 'warn'> = console): ErrorLog {
  return createOnceLogger((message, error) => {
    if (isSelectorError(error) || isContextInvalidated(error)) consoleLike.debug(message, error);
    else consoleLike.warn(message, error);
  });
}
