import type { FailingCheck } from '../../lib/presend/decision.ts';
import { createIsolatedHost } from './isolated-host.ts';

// Shown when a reply went out with failing checks that did not stop it (warnings only, or a
// team that never blocks): the compose is gone, so the checklist appears at the page's corner
// for a while, as a polite status, then leaves on its own. Email text only via textContent.

export const NOTICE_TEST_ID = 'step-ahead-presend-notice';
export const NOTICE_ITEM_TEST_ID = 'step-ahead-presend-notice-item';
const NOTICE_MS = 12_000;

const STYLE = `
:host { all: initial; }
.notice { position: fixed; left: 16px; bottom: 16px; z-index: 2147483500; box-sizing: border-box;
  width: min(380px, calc(100vw - 32px)); padding: 12px 40px 12px 16px; border-radius: 8px;
  background: #202124; color: #e8eaed; box-shadow: 0 4px 16px rgba(0,0,0,.3);
  font: 13px/1.45 "Google Sans", Roboto, system-ui, sans-serif; }
p { margin: 0 0 4px; font-weight: 500; }
ul { margin: 0; padding-left: 18px; }
li { overflow-wrap: anywhere; }
button { position: absolute; top: 6px; right: 6px; width: 28px; height: 28px; border: none; border-radius: 50%;
  background: none; color: inherit; font-size: 18px; cursor: pointer; }
button:focus-visible { outline: 2px solid #8ab4f8; }
`;

export interface PresendNotice {
  readonly host: HTMLElement;
  remove(): void;
}

export function showPresendNotice(doc: Document, failing: readonly FailingCheck[]): PresendNotice {
  const { host, shadow } = createIsolatedHost(doc, {
    style: STYLE,
    stopEvents: ['click', 'mousedown', 'mouseup', 'keydown', 'keyup', 'keypress'],
  });
  const box = doc.createElement('div');
  box.className = 'notice';
  box.setAttribute('role', 'status');
  box.setAttribute('data-testid', NOTICE_TEST_ID);
  const heading = doc.createElement('p');
  heading.textContent = `Sent. ${failing.length} ${failing.length === 1 ? 'check' : 'checks'} failed:`;
  const list = doc.createElement('ul');
  for (const check of failing) {
    const item = doc.createElement('li');
    item.setAttribute('data-testid', NOTICE_ITEM_TEST_ID);
    item.setAttribute('data-rule', check.ruleId);
    item.textContent = `${check.title} (${check.severity})`;
    list.append(item);
  }
  const close = doc.createElement('button');
  close.type = 'button';
  close.setAttribute('aria-label', 'Dismiss');
  close.textContent = '×';
  box.append(heading, list, close);
  shadow.append(box);
  const timer = doc.defaultView?.setTimeout(() => host.remove(), NOTICE_MS);
  close.addEventListener('click', () => notice.remove());
  (doc.body ?? doc.documentElement).append(host);
  const notice: PresendNotice = {
    host,
    remove() {
      if (timer !== undefined) doc.defaultView?.clearTimeout(timer);
      host.remove();
    },
  };
  return notice;
}
