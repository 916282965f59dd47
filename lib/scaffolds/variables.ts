// The variables a scaffold template may use, by name, with what a writer must put in their
// place when there is no value. Plain data: the schema, the resolver, the renderer and the
// options page's help text all read this one table.

export const SCALAR_VARIABLES = [
  'customerFirstName',
  'customerName',
  'myName',
  'myFirstName',
  'subject',
  'etaNextBusinessDay',
  'etaEndOfDay',
  'etaFourBusinessHours',
  'etaNextBusinessMorning',
  'etaActionable',
  'missedEta',
] as const;

/** `{questions}` renders as a list, so it stands alone on its line. */
export const LIST_VARIABLES = ['questions'] as const;

export type ScalarVariable = (typeof SCALAR_VARIABLES)[number];
export type ListVariable = (typeof LIST_VARIABLES)[number];
export type VariableName = ScalarVariable | ListVariable;

export const VARIABLE_NAMES: readonly VariableName[] = [...SCALAR_VARIABLES, ...LIST_VARIABLES];

export interface VariableInfo {
  /** What the options page says the variable holds. */
  description: string;
  /**
   * The slot left in the draft when there is no value, written `[[…]]` so that the
   * `placeholders-filled` rule (lib/detect/placeholders.ts) catches it before Send.
   */
  placeholder: string;
}

export const VARIABLES: Record<VariableName, VariableInfo> = {
  customerFirstName: { description: 'the customer’s first name, from the thread', placeholder: '[[customer first name]]' },
  customerName: { description: 'the customer’s full name, from the thread', placeholder: '[[customer name]]' },
  myName: { description: 'your name, from the signed-in Google account', placeholder: '[[your name]]' },
  myFirstName: { description: 'your first name, from the signed-in Google account', placeholder: '[[your first name]]' },
  subject: { description: 'the thread’s subject, without “Re:”', placeholder: '[[subject]]' },
  etaNextBusinessDay: {
    description: 'end of the next business day (+1 business day), with day, time and zone',
    placeholder: '[[ETA: day, time and zone]]',
  },
  etaEndOfDay: { description: 'end of this business day (EOD), with day, time and zone', placeholder: '[[ETA: day, time and zone]]' },
  etaFourBusinessHours: {
    description: 'four business hours from now, with day, time and zone',
    placeholder: '[[ETA: day, time and zone]]',
  },
  etaNextBusinessMorning: {
    description: 'the opening of the next business day, with day, time and zone',
    placeholder: '[[ETA: day, time and zone]]',
  },
  etaActionable: {
    description: 'the actionable-response target of your role, counted in business time',
    placeholder: '[[ETA: day, time and zone]]',
  },
  missedEta: { description: 'the ETA we gave earlier on the thread and missed', placeholder: '[[the ETA we missed]]' },
  questions: {
    description: 'the customer’s unanswered questions, as a list to answer (on a line of its own)',
    placeholder: '[[answer the customer’s questions]]',
  },
};

/** After each listed question, where its answer goes. */
export const ANSWER_PLACEHOLDER = '[[your answer]]';

export function isVariableName(name: string): name is VariableName {
  return Object.prototype.hasOwnProperty.call(VARIABLES, name);
}

export function isListVariable(name: string): name is ListVariable {
  return (LIST_VARIABLES as readonly string[]).includes(name);
}
