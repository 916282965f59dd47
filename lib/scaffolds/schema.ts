import { z } from '../schemas/zod-mini.ts';
import { parseTemplate } from './template-syntax.ts';

// The scaffolds a writer can insert and the shape of the team's wording for them. Wording
// comes from settings, imports and managed policy (untrusted): it is parsed here, and a
// template that does not parse is refused with the reason, never half-used.

/**
 * Built-in scaffolds. The ids are stable: rules suggest them as `insert-scaffold:<id>`
 * (status-summary → `status`, next-steps, expectations, missed-eta-followup → `missed-eta`).
 */
export const SCAFFOLD_IDS = [
  'full-reply',
  'acknowledgement',
  'status',
  'next-steps',
  'expectations',
  'missed-eta',
  'escalation-update',
  'call-offer',
] as const;
export type ScaffoldId = (typeof SCAFFOLD_IDS)[number];
export const scaffoldIdSchema = z.enum(SCAFFOLD_IDS);

export const TEMPLATE_MAX_LENGTH = 4000;

export const templateBodySchema = z.string().check(
  z.maxLength(TEMPLATE_MAX_LENGTH, `a template is at most ${TEMPLATE_MAX_LENGTH} characters`),
  z.superRefine((body, ctx) => {
    const parsed = parseTemplate(body);
    if (!parsed.ok) ctx.addIssue({ code: 'custom', message: parsed.error });
  }),
);

export const scaffoldTemplateSchema = z.object({
  /** The button's words, e.g. "Full reply". */
  label: z.string().check(z.trim(), z.minLength(1, 'a template needs a label'), z.maxLength(40, 'a label is at most 40 characters')),
  body: templateBodySchema,
});
export type ScaffoldTemplate = z.infer<typeof scaffoldTemplateSchema>;

/** The team's wording, by scaffold id; a scaffold not listed keeps its built-in wording. */
export const scaffoldOverridesSchema = z.partialRecord(scaffoldIdSchema, scaffoldTemplateSchema);
export type ScaffoldOverrides = z.infer<typeof scaffoldOverridesSchema>;

export type ScaffoldTemplates = Record<ScaffoldId, ScaffoldTemplate>;

export function isScaffoldId(value: unknown): value is ScaffoldId {
  return typeof value === 'string' && (SCAFFOLD_IDS as readonly string[]).includes(value);
}

/** Why a template would be refused, in the options page's words; null when it is fine. */
export function templateProblem(template: unknown): string | null {
  const parsed = scaffoldTemplateSchema.safeParse(template);
  if (parsed.success) return null;
  return parsed.error.issues.map((issue) => issue.message).join('; ');
}
