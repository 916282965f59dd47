// Every CSS selector the Gmail adapter uses, and nothing else. Gmail's class names are
// generated and change without notice, so each key lists stable attributes and roles first
// and Gmail's classes last; the first selector that matches anything wins, so a fallback
// only speaks when everything before it found nothing.
//
// Each key names the Gmail view it belongs to and the fixtures that prove it
// (tests/gmail/selectors.test.ts checks every key against them):
//   POPUP   ../shared/fixtures/gmail/compose-popup-2020-10.html (real capture)
//   INLINE  tests/fixtures/gmail/thread-inline-reply-2026-11.html
//   ETA     tests/fixtures/gmail/thread-earlier-eta-2026-11.html
//   POPOUT  tests/fixtures/gmail/popout-compose-2026-11.html
//   TWO     tests/fixtures/gmail/two-composes-2026-11.html
//   PATHS   tests/fixtures/gmail/thread-send-paths-2026-11.html
// The 2026 fixtures are written from the facts in ../shared/fixtures/gmail/README.md; where a
// selector rests on something else, its comment says so.

export const SELECTORS = {
  // Compose body, the element that identifies a compose. All views; POPUP shows
  // g_editable + contenteditable + role=textbox on one div inside `td.Ap`.
  composeBody: [
    '[g_editable=true][contenteditable=true]',
    '[contenteditable=true][role=textbox]',
    '.Ap [contenteditable=true]',
  ],
  // A compose's container: form, body, Send bar and send-options menu. POPUP has `.M9`
  // inside the dialog; the README puts the inline reply's `.M9` inside `.ip.adB`. No
  // attribute marks it, so the adapter's last resort climbs to the nearest ancestor holding
  // `composeIdInput` or `subjectInput` (attribute-based).
  composeRoot: ['.M9', '.ip.adB', '[role=dialog]'],
  // Pop-up (and full-screen) compose window. POPUP, TWO.
  composeDialog: ['[role=dialog]'],
  // The area of a thread where the inline reply or forward opens (README). INLINE, ETA, TWO.
  inlineReplyArea: ['.ip.adB'],
  // Subject field. POPUP (`input.aoT[name=subjectbox]`); inline replies keep it with "Re: …".
  subjectInput: ['input[name=subjectbox]', 'input.aoT'],
  // Hidden form inputs, POPUP: draft "#msg-a:r-…", compose id "1", rt "#thread-a:r-…", lts.
  draftInput: ['input[name=draft]'],
  composeIdInput: ['input[name=composeid]'],
  replyThreadInput: ['input[name=rt]'],
  lastThreadInput: ['input[name=lts]'],
  // Recipient chips, layout since Gmail's 2021 compose redesign: `div.anm[name=to]` holds a
  // `[role=listbox]` of `[role=option][data-name][data-hovercard-id]` chips, the address in
  // data-hovercard-id (InboxSDK's page parser, not the README). To: INLINE, ETA, TWO; Cc:
  // INLINE; Bcc: ETA. POPOUT's rows are empty.
  toChip: ['[name=to] [role=option][data-hovercard-id]', '.anm[name=to] [role=option]'],
  ccChip: ['[name=cc] [role=option][data-hovercard-id]', '.anm[name=cc] [role=option]'],
  bccChip: ['[name=bcc] [role=option][data-hovercard-id]', '.anm[name=bcc] [role=option]'],
  // Pre-2021 layout: a `textarea.vO[name=to]` per row (POPUP), its chips `.vR` beside it in
  // the same `tr`, each with a `span[email]` and a hidden input holding `Name <address>`.
  // TWO's pop-up uses this layout with one chip.
  toField: ['textarea[name=to]'],
  ccField: ['textarea[name=cc]'],
  bccField: ['textarea[name=bcc]'],
  legacyChipAddress: ['.vR [email]'],
  legacyChipInput: ['.vR > input[type=hidden]'],
  // The Send button: a `div[role=button]` in the `.IZ` send bar's `.Up` cell whose tooltip
  // starts with "Send" (POPUP: "Send ‪(Ctrl-Enter)‬"). The split arrow beside it, `.hG`
  // "More send options", opens a menu (aria-haspopup) and must never be mistaken for it.
  sendButton: [
    '[role=button][data-tooltip^="Send"]:not([aria-haspopup])',
    '.IZ .Up [role=button]:not(.hG):not([aria-haspopup])',
  ],
  // "Schedule send" in the More-send-options menu (`#sbddm`). POPUP.
  scheduleSendItem: ['[selector=scheduledSend]', '#sbddm [role=menuitem]'],
  // "Send and archive", the button Gmail adds beside Send in a reply when the setting is on.
  // No capture has it: InboxSDK finds it as the first button among Send's siblings; its
  // tooltip and label are assumed to start with "Send and archive" (en). Send's own selector
  // matches it too, so the pre-send guard asks this key first. PATHS.
  sendArchiveButton: ['[role=button][data-tooltip^="Send and archive"]', '[role=button][aria-label^="Send and archive"]'],
  // Gmail's refusal of a send (README: "When Gmail refuses a send it shows a
  // role=alertdialog"). The 2026 fixtures' scripts add one when Send has no recipient.
  alertDialog: ['[role=alertdialog]'],
  // Thread view (README): ids on the subject heading in `.ha`; the legacy id may be the
  // string "undefined" since Nov 2025. INLINE, ETA, TWO.
  threadSubject: ['h2[data-thread-perm-id]', 'h2[data-legacy-thread-id]', '.ha h2'],
  threadPermId: ['[data-thread-perm-id]'],
  threadLegacyId: ['[data-legacy-thread-id]'],
  // One message of the open thread: `.adn` with data-message-id / data-legacy-message-id,
  // class `.h7` when expanded, `.kv` when collapsed (README). INLINE, ETA, TWO.
  threadMessage: ['[data-message-id]', '[data-legacy-message-id]', '.adn'],
  // Sender `span.gD[email][name]` (README). Recipients in the header carry [email] too, so
  // the bare attribute is only the last resort. INLINE, ETA, TWO.
  messageSender: ['span.gD[email]', '.gD', '[email][name]'],
  // Date `span.g3[title]`, the title being the full local date (README). INLINE, ETA, TWO.
  messageDate: ['span.g3[title]', '.g3'],
  // Body `div.a3s` inside `div.ii.gt` (README). INLINE, ETA, TWO.
  messageBody: ['div.a3s', '.ii.gt'],
  // A message's state is a class on the message element itself (README): `.h7` expanded,
  // `.kv` collapsed; `.kQ` is the further-collapsed "hidden" state InboxSDK reports.
  // Tested with matches(), not queried. INLINE, ETA.
  messageExpanded: ['.h7'],
  messageCollapsed: ['.kv', '.kQ'],
  // Quoted history in a compose body and its "On … wrote:" / "Forwarded message" line
  // (README: `div.gmail_quote`; the reply-send capture shows `div.gmail_attr` inside it).
  // INLINE, ETA, TWO.
  bodyQuoteAttribution: ['.gmail_quote .gmail_attr'],
  // The signature inside a compose body, which a scaffold goes above (issue 5): Gmail marks
  // it `div.gmail_signature` with data-smartmail="gmail_signature" (README; INLINE shows the
  // class in a sent message's body).
  bodySignature: ['.gmail_signature', '[data-smartmail=gmail_signature]'],
  // The quoted history itself, in a compose body: Gmail's `div.gmail_quote` (README), a bare
  // blockquote in mail from other clients. The pre-send fix that removes red colour leaves it
  // alone (it is the customer's). INLINE.
  bodyQuote: ['.gmail_quote', 'blockquote'],
  // Gmail's own quoted history in a compose body, where a scaffold never goes: `div.gmail_quote`
  // round the "On … wrote:" line and `blockquote.gmail_quote` (README; the reply-send capture).
  // A bare blockquote is not history here: the scaffolds' own question lines are one, and so
  // is an indent the writer made. INLINE.
  bodyHistoryQuote: ['.gmail_quote'],
  // The signed-in account's avatar button in Gmail's header: aria-label
  // "Google Account: Name (address)", a link to accounts.google.com/SignOutOptions (from the
  // task brief, not a capture). INLINE, ETA, TWO; POPOUT has no header, and
  // readAccountAddress falls back to the document title "Inbox - address - Gmail".
  accountButton: ['a[href*="SignOutOptions"][aria-label]', '[aria-label^="Google Account:"]'],
} as const satisfies Record<string, readonly string[]>;

export type SelectorKey = keyof typeof SELECTORS;

function safeQuery(root: ParentNode, selector: string): Element | null {
  try {
    return root.querySelector(selector);
  } catch {
    // A selector some engine cannot parse must cost a feature, never the host page.
    return null;
  }
}

function safeQueryAll(root: ParentNode, selector: string): Element[] {
  try {
    return Array.from(root.querySelectorAll(selector));
  } catch {
    return [];
  }
}

/** The first element matched by the first of the key's selectors that matches anything. */
export function queryFirst(root: ParentNode, key: SelectorKey): Element | null {
  for (const selector of SELECTORS[key]) {
    const found = safeQuery(root, selector);
    if (found) return found;
  }
  return null;
}

/** Every element matched by the first of the key's selectors that matches anything. */
export function queryAll(root: ParentNode, key: SelectorKey): Element[] {
  for (const selector of SELECTORS[key]) {
    const found = safeQueryAll(root, selector);
    if (found.length > 0) return found;
  }
  return [];
}

/** The nearest ancestor-or-self matched by the first of the key's selectors that has one. */
export function closestOf(element: Element, key: SelectorKey): Element | null {
  for (const selector of SELECTORS[key]) {
    try {
      const found = element.closest(selector);
      if (found) return found;
    } catch {
      // see safeQuery
    }
  }
  return null;
}

/** Whether the element itself is matched by any of the key's selectors. */
export function matchesAny(element: Element, key: SelectorKey): boolean {
  for (const selector of SELECTORS[key]) {
    try {
      if (element.matches(selector)) return true;
    } catch {
      // see safeQuery
    }
  }
  return false;
}
