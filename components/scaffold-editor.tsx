import { useId, useMemo, useState } from 'react';
import {
  DEFAULT_TEMPLATES,
  effectiveTemplates,
  renderScaffold,
  resolveValues,
  SCAFFOLD_IDS,
  scaffoldTemplateSchema,
  VARIABLE_NAMES,
  VARIABLES,
  type RenderedScaffold,
  type ScaffoldFacts,
  type ScaffoldId,
  type ScaffoldOverrides,
  type ScaffoldTemplate,
} from '../lib/scaffolds/index.ts';
import { DEFAULT_SCHEDULE, ROLE_TARGETS } from '../lib/schemas/settings.ts';

// The options page's scaffold wording. One scaffold at a time: its label and its text,
// checked with the same schema the Gmail tab uses, saved only when it parses (a broken
// template is refused with the reason and the saved wording stays in force), with a live
// preview filled with sample values. The preview is rendered as React text, never as HTML.

export interface ScaffoldEditorProps {
  /** The team's wording as stored (settings.scaffolds); scaffolds not in it use the built-in wording. */
  value: ScaffoldOverrides;
  onChange(next: ScaffoldOverrides): void;
  /** Set by the team's policy: the wording is shown but cannot be changed here. */
  locked?: boolean;
}

// Sample values for the preview: a fixed Wednesday morning in the default schedule.
export const SAMPLE_FACTS: ScaffoldFacts = {
  now: new Date('2026-11-18T15:00:00Z'),
  schedule: DEFAULT_SCHEDULE,
  actionableMinutes: ROLE_TARGETS['support-engineer'].actionableMinutes,
  customer: { name: 'Priya Shah', email: 'priya.shah@acme.example' },
  myName: 'Dana Reyes',
  subject: 'Re: Nightly sync stalls after the 4.2 upgrade',
  openQuestions: ['Do we need to roll back to 4.1 before Friday’s release?', 'Will the fix ship in 4.2.1?'],
  earlierEtas: [{ due: '2026-11-17T20:00:00Z' }],
};

type Check = { ok: true; template: ScaffoldTemplate; preview: RenderedScaffold } | { ok: false; error: string };

function checkTemplate(draft: ScaffoldTemplate): Check {
  const parsed = scaffoldTemplateSchema.safeParse(draft);
  if (!parsed.success) return { ok: false, error: parsed.error.issues.map((issue) => issue.message).join('; ') };
  return { ok: true, template: parsed.data, preview: renderScaffold(parsed.data, resolveValues(SAMPLE_FACTS)) };
}

function Preview({ rendered }: { rendered: RenderedScaffold }) {
  return (
    <div className="scaffold-preview" data-testid="step-ahead-scaffold-preview" aria-label="Preview">
      {rendered.text.split('\n').map((line, index) =>
        line.startsWith('> ') ? (
          <blockquote key={index}>{line.slice(2)}</blockquote>
        ) : (
          <p key={index}>{line === '' ? '\u00a0' : line}</p>
        ),
      )}
    </div>
  );
}

export function ScaffoldEditor({ value, onChange, locked = false }: ScaffoldEditorProps) {
  const id = useId();
  const [selected, setSelected] = useState<ScaffoldId>('full-reply');
  const saved = effectiveTemplates(value)[selected];
  const [drafts, setDrafts] = useState<Partial<Record<ScaffoldId, ScaffoldTemplate>>>({});
  const [refused, setRefused] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const draft = drafts[selected] ?? saved;
  const check = useMemo(() => checkTemplate(draft), [draft]);
  const savedPreview = useMemo(() => checkTemplate(saved), [saved]);
  const edited = draft.label !== saved.label || draft.body !== saved.body;
  const custom = value[selected] !== undefined;

  const edit = (next: Partial<ScaffoldTemplate>) => {
    setRefused(null);
    setNotice(null);
    setDrafts((all) => ({ ...all, [selected]: { ...draft, ...next } }));
  };

  const save = () => {
    if (locked) return;
    if (!check.ok) {
      setRefused(`Not saved: ${check.error}. The saved wording is still in use.`);
      return;
    }
    setDrafts(({ [selected]: _saved, ...rest }) => rest);
    setNotice('Saved.');
    onChange({ ...value, [selected]: check.template });
  };

  const reset = () => {
    if (locked) return;
    const { [selected]: _removed, ...rest } = value;
    setDrafts(({ [selected]: _dropped, ...others }) => others);
    setRefused(null);
    setNotice('Back to the built-in wording.');
    onChange(rest);
  };

  return (
    <section className="card scaffold-editor" aria-labelledby={`${id}-h`} data-testid="step-ahead-scaffold-editor">
      <h2 id={`${id}-h`}>Scaffold wording</h2>
      {locked && <p className="muted">Your team’s policy sets this wording; it cannot be changed here.</p>}
      <div className="field">
        <label htmlFor={`${id}-pick`}>Scaffold</label>
        <select
          id={`${id}-pick`}
          value={selected}
          onChange={(event) => {
            setSelected(event.currentTarget.value as ScaffoldId);
            setRefused(null);
            setNotice(null);
          }}
        >
          {SCAFFOLD_IDS.map((scaffoldId) => (
            <option key={scaffoldId} value={scaffoldId}>
              {effectiveTemplates(value)[scaffoldId].label}
              {value[scaffoldId] ? ' (edited)' : ''}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-label`}>Button label</label>
        <input
          id={`${id}-label`}
          type="text"
          maxLength={40}
          value={draft.label}
          readOnly={locked}
          onChange={(event) => edit({ label: event.currentTarget.value })}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-body`}>Wording</label>
        <textarea
          id={`${id}-body`}
          rows={12}
          value={draft.body}
          readOnly={locked}
          aria-describedby={`${id}-help ${id}-problem`}
          aria-invalid={!check.ok}
          onChange={(event) => edit({ body: event.currentTarget.value })}
        />
      </div>
      <p id={`${id}-problem`} className={check.ok ? 'muted' : 'tone-error'} role={check.ok ? undefined : 'alert'}>
        {check.ok
          ? `${check.preview.placeholders.length} placeholder${check.preview.placeholders.length === 1 ? '' : 's'} for the writer to fill.`
          : `This wording has a problem: ${check.error}.`}
      </p>
      {refused && (
        <p className="error-banner" role="alert" data-testid="step-ahead-scaffold-refused">
          {refused}
        </p>
      )}
      {notice && <p role="status">{notice}</p>}
      <div className="actions">
        <button type="button" onClick={save} disabled={locked || !edited}>
          Save wording
        </button>
        <button type="button" onClick={reset} disabled={locked || (!custom && !edited)}>
          Use the built-in wording
        </button>
      </div>
      <h3>Preview with sample values</h3>
      {check.ok ? (
        <Preview rendered={check.preview} />
      ) : savedPreview.ok ? (
        <>
          <p className="muted">The saved wording, which stays in use until the problem is fixed:</p>
          <Preview rendered={savedPreview.preview} />
        </>
      ) : null}
      <details id={`${id}-help`}>
        <summary>What a template can use</summary>
        <p>
          Write plain text. A blank line is a blank line in the mail; a line starting with “- ” is a bullet. Write{' '}
          <code>[[what to write]]</code> where the writer must fill something in: Step Ahead will not let the reply go
          with it unfilled. Variables:
        </p>
        <dl>
          {VARIABLE_NAMES.map((name) => (
            <div key={name}>
              <dt>
                <code>{`{${name}}`}</code>
              </dt>
              <dd>
                {VARIABLES[name].description}; when unknown: <code>{VARIABLES[name].placeholder}</code>
              </dd>
            </div>
          ))}
        </dl>
        <p className="muted">Built-in “{DEFAULT_TEMPLATES[selected].label}” wording is kept if you reset.</p>
      </details>
    </section>
  );
}
