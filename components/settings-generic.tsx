import { useId } from 'react';
import type { z } from 'zod/mini';
import { LockNote } from './settings-lock.tsx';

// Controls for a settings field this page has no dedicated form for (the pre-send policy,
// `presend`), made from its Zod schema: a checkbox per boolean, a menu per choice, a number
// box per number, a text box per string. What the user picks is parsed by the same schema
// before it is saved, so the form can never store what the checker would refuse.

type AnySchema = z.ZodMiniType;

interface Def {
  type: string;
  shape?: Record<string, AnySchema>;
  innerType?: AnySchema;
  entries?: Record<string, string | number>;
}

function defOf(schema: AnySchema): Def {
  return (schema as unknown as { _zod: { def: Def } })._zod.def;
}

/** The schema under `.default()`, `.optional()` and `.nullable()`. */
function unwrap(schema: AnySchema): AnySchema {
  let current = schema;
  for (let i = 0; i < 10; i++) {
    const def = defOf(current);
    if ((def.type === 'default' || def.type === 'optional' || def.type === 'nullable' || def.type === 'prefault') && def.innerType) current = def.innerType;
    else break;
  }
  return current;
}

/** "blockOnWarnings" → "Block on warnings". */
export function labelOf(key: string): string {
  const words = key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Whether the page can draw a form for this schema (an object of simple fields). */
export function canRenderGeneric(schema: AnySchema): boolean {
  const def = defOf(unwrap(schema));
  if (def.type !== 'object' || !def.shape) return false;
  return Object.values(def.shape).every((field) => ['boolean', 'enum', 'number', 'string'].includes(defOf(unwrap(field)).type));
}

interface Props {
  title: string;
  description?: string;
  /** The field's schema, e.g. settingsSchema.shape.presend. */
  schema: AnySchema;
  value: Record<string, unknown>;
  locked: boolean;
  /** Friendlier words for some keys and choices. */
  labels?: Record<string, string>;
  onChange(value: Record<string, unknown>): void;
  testId?: string;
}

export function GenericSettings({ title, description, schema, value, locked, labels = {}, onChange, testId }: Props) {
  const id = useId();
  const shape = defOf(unwrap(schema)).shape ?? {};
  const save = (key: string, next: unknown) => {
    const parsed = schema.safeParse({ ...value, [key]: next });
    if (parsed.success) onChange(parsed.data as Record<string, unknown>);
  };
  return (
    <section className="card" aria-labelledby={`${id}-h`} data-testid={testId}>
      <h2 id={`${id}-h`}>{title}</h2>
      {description && <p className="muted">{description}</p>}
      {locked && <LockNote id={`${id}-lock`} />}
      <fieldset disabled={locked} aria-describedby={locked ? `${id}-lock` : undefined}>
        <legend className="visually-hidden">{title}</legend>
        {Object.entries(shape).map(([key, field]) => {
          const inner = unwrap(field);
          const def = defOf(inner);
          const label = labels[key] ?? labelOf(key);
          const controlId = `${id}-${key}`;
          const current = value[key];
          if (def.type === 'boolean') {
            return (
              <label key={key} className="choice">
                <input type="checkbox" checked={current === true} onChange={(e) => save(key, e.currentTarget.checked)} data-key={key} />
                {label}
              </label>
            );
          }
          if (def.type === 'enum') {
            const options = Object.values(def.entries ?? {}).map(String);
            return (
              <div className="field" key={key}>
                <label htmlFor={controlId}>{label}</label>
                <select id={controlId} value={String(current ?? '')} onChange={(e) => save(key, e.currentTarget.value)} data-key={key}>
                  {options.map((option) => (
                    <option key={option} value={option}>
                      {labels[`${key}.${option}`] ?? labelOf(option.replace(/-/g, ' '))}
                    </option>
                  ))}
                </select>
              </div>
            );
          }
          if (def.type === 'number') {
            return (
              <div className="field" key={key}>
                <label htmlFor={controlId}>{label}</label>
                <input
                  id={controlId}
                  type="number"
                  className="narrow"
                  defaultValue={typeof current === 'number' ? current : ''}
                  onBlur={(e) => save(key, Number(e.currentTarget.value))}
                  data-key={key}
                />
              </div>
            );
          }
          return (
            <div className="field" key={key}>
              <label htmlFor={controlId}>{label}</label>
              <input id={controlId} defaultValue={typeof current === 'string' ? current : ''} onBlur={(e) => save(key, e.currentTarget.value)} data-key={key} />
            </div>
          );
        })}
      </fieldset>
    </section>
  );
}
