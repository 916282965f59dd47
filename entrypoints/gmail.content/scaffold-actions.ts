import {
  DEFAULT_TEMPLATES,
  effectiveTemplates,
  scaffoldFactsOf,
  SCAFFOLD_IDS,
  type ScaffoldId,
} from '../../lib/scaffolds/index.ts';
import {
  insertScaffoldRequestSchema,
  selectPlaceholderRequestSchema,
  type InsertScaffoldReply,
  type SelectPlaceholderReply,
} from '../../lib/scaffolds/messages.ts';
import { onMessage } from '../../utils/messaging.ts';
import { readAccountName, readCompose } from './adapter.ts';
import type { CheckSession, ScaffoldTarget } from './compose-checker.ts';
import { insertScaffold } from './insert-scaffold.ts';
import { selectPlaceholder } from './placeholder-navigation.ts';
import { closestOf } from './selectors.ts';
import { openScaffoldPicker, type ScaffoldPicker } from './scaffold-picker.ts';
import { selectRange } from './selection.ts';
import type { ErrorLog, ScriptLifetime } from './script-lifetime.ts';

// Scaffolds in the Gmail tab: answers the background's insertScaffold / selectPlaceholder /
// openScaffoldPicker (from the side panel, the popup and the keyboard commands) and opens
// the quick picker from the keyboard inside a compose. Every failure is logged and answered
// as "not inserted"; Gmail's own work is never in the way.

export interface ScaffoldActionsOptions {
  doc: Document;
  session: Pick<CheckSession, 'scaffoldTarget'>;
  lifetime: ScriptLifetime;
  log: ErrorLog;
  now?: () => Date;
}

/**
 * Keys handled in the page as well as through the manifest's commands: the browser takes
 * them first when the command is bound to them; when it is not (unbound, or taken by another
 * extension) the page still answers them inside a compose.
 */
export const PAGE_SHORTCUTS = {
  picker: { key: 'S', label: 'Alt+Shift+S' },
  fullReply: { key: 'R', label: 'Alt+Shift+R' },
  nextPlaceholder: { key: 'N', label: 'Alt+Shift+N' },
} as const;

const NO_COMPOSE = 'Open a reply in Gmail first: no draft to insert into.';

export function setupScaffoldActions(options: ScaffoldActionsOptions): () => void {
  const { doc, session, lifetime, log } = options;
  const now = options.now ?? (() => new Date());
  let picker: ScaffoldPicker | null = null;
  // An insertion waits for the compose's check before it writes: a second one started
  // meanwhile (a double press, a command and a click) would put the scaffold in twice.
  let inserting = false;

  function insertInto(target: ScaffoldTarget, scaffoldId: ScaffoldId, caret?: Range | null): InsertScaffoldReply {
    let subject = '';
    try {
      subject = readCompose(target.handle).subject;
    } catch {
      // The subject is one variable among many: its placeholder stands in.
    }
    const facts = scaffoldFactsOf({
      snapshot: target.snapshot,
      settings: target.settings,
      now: now(),
      myName: readAccountName(doc),
      subject,
    });
    const result = insertScaffold(target.handle, scaffoldId, facts, { overrides: target.settings.scaffolds, caret: caret ?? null });
    if (result.inserted) console.debug(`[step-ahead] scaffold ${scaffoldId} inserted (${result.where}) in ${result.ms} ms`);
    return {
      inserted: result.inserted,
      ...(result.reason ? { reason: result.reason } : {}),
      placeholders: result.placeholders,
      ...(result.ms !== undefined ? { ms: result.ms } : {}),
    };
  }

  async function onInsert(data: unknown): Promise<InsertScaffoldReply> {
    const parsed = insertScaffoldRequestSchema.safeParse(data);
    if (!parsed.success) return { inserted: false, reason: 'Unknown scaffold.' };
    if (inserting) return { inserted: false, reason: 'A scaffold is still being inserted.' };
    inserting = true;
    try {
      const target = await session.scaffoldTarget(parsed.data.threadId);
      if (!target) {
        return {
          inserted: false,
          reason: parsed.data.threadId ? 'No reply is open on that thread: click Reply, then insert again.' : NO_COMPOSE,
        };
      }
      return insertInto(target, parsed.data.scaffoldId);
    } catch (error) {
      log(error, 'Step Ahead (scaffold)');
      return { inserted: false, reason: 'Could not insert the scaffold.' };
    } finally {
      inserting = false;
    }
  }

  async function onSelect(data: unknown): Promise<SelectPlaceholderReply> {
    const parsed = selectPlaceholderRequestSchema.safeParse(data);
    if (!parsed.success) return { selected: null, remaining: [], reason: 'Malformed request.' };
    try {
      const target = await session.scaffoldTarget(parsed.data.threadId);
      if (!target) return { selected: null, remaining: [], reason: NO_COMPOSE };
      return selectPlaceholder(target.handle, parsed.data.direction);
    } catch (error) {
      log(error, 'Step Ahead (placeholder)');
      return { selected: null, remaining: [], reason: 'Could not move to the next placeholder.' };
    }
  }

  async function openPicker(): Promise<{ opened: boolean }> {
    const target = await session.scaffoldTarget();
    if (!target) return { opened: false };
    picker?.close();
    const body = target.handle.body;
    const selection = doc.getSelection();
    const saved = selection && selection.rangeCount > 0 ? selection.getRangeAt(0).cloneRange() : null;
    const templates = effectiveTemplates(target.settings.scaffolds);
    const backToDraft = () => {
      if (saved && body.contains(saved.startContainer)) selectRange(doc, saved, { focus: body });
      else body.focus({ preventScroll: true });
    };
    picker = openScaffoldPicker({
      doc,
      anchor: body,
      choices: SCAFFOLD_IDS.map((id) => ({ id, label: templates[id]?.label ?? DEFAULT_TEMPLATES[id].label })),
      onPick: (id) => {
        picker = null;
        try {
          insertInto(target, id as ScaffoldId, saved);
        } catch (error) {
          log(error, 'Step Ahead (scaffold)');
        }
      },
      onCancel: () => {
        picker = null;
        backToDraft();
      },
    });
    return { opened: true };
  }

  const stops = [
    onMessage('insertScaffold', ({ data }) => onInsert(data)),
    onMessage('selectPlaceholder', ({ data }) => onSelect(data)),
    onMessage('openScaffoldPicker', () =>
      openPicker().catch((error: unknown) => {
        log(error, 'Step Ahead (picker)');
        return { opened: false };
      }),
    ),
  ];

  lifetime.addEventListener(
    doc,
    'keydown',
    (event) => {
      const key = event as KeyboardEvent;
      if (!key.altKey || !key.shiftKey || key.ctrlKey || key.metaKey || key.isComposing) return;
      const target = key.target instanceof Element ? key.target : null;
      if (!target || !closestOf(target, 'composeBody')) return;
      // By physical key (event.code): on macOS, Option+Shift+R types a character in event.key.
      const letter = /^Key([A-Z])$/.exec(key.code)?.[1];
      if (!Object.values(PAGE_SHORTCUTS).some((shortcut) => shortcut.key === letter)) return;
      key.preventDefault();
      key.stopPropagation();
      // A held key repeats keydown: one press is one insertion (or picker, or move).
      if (key.repeat) return;
      if (letter === PAGE_SHORTCUTS.picker.key) void openPicker().catch((error: unknown) => log(error, 'Step Ahead (picker)'));
      else if (letter === PAGE_SHORTCUTS.fullReply.key) void onInsert({ scaffoldId: 'full-reply' });
      else void onSelect({ direction: 'next' });
    },
    { capture: true },
  );

  const dispose = () => {
    picker?.close();
    for (const stop of stops) {
      try {
        stop();
      } catch {
        // The runtime may already be gone with the extension.
      }
    }
  };
  lifetime.onInvalidated(dispose);
  return dispose;
}
