import { effectiveTemplates } from './defaults.ts';
import { renderScaffold, type RenderedScaffold, type RenderOptions } from './render.ts';
import { resolveValues, type ScaffoldFacts } from './resolve.ts';
import type { ScaffoldId, ScaffoldOverrides } from './schema.ts';

// Scaffolds, pure: templates (schema, defaults), variables (resolve), HTML (render).
export { DEFAULT_TEMPLATES, effectiveTemplates } from './defaults.ts';
export { scaffoldFactsOf, openQuestionsOf } from './facts.ts';
export { isGreetingLine } from './greeting.ts';
export { escapeHtml, renderScaffold, TemplateError, type RenderedScaffold } from './render.ts';
export { resolveValues, formatEta, firstNameOf, fullNameOf, bareSubject, type ScaffoldFacts, type ScaffoldValues } from './resolve.ts';
export * from './schema.ts';
export { VARIABLES, VARIABLE_NAMES, type VariableName } from './variables.ts';

/** One scaffold in the team's wording with the compose's facts filled in. */
export function buildScaffold(
  id: ScaffoldId,
  facts: ScaffoldFacts,
  overrides?: ScaffoldOverrides,
  options?: RenderOptions,
): RenderedScaffold {
  return renderScaffold(effectiveTemplates(overrides)[id], resolveValues(facts), options);
}
