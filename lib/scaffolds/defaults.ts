import type { ScaffoldId, ScaffoldOverrides, ScaffoldTemplates } from './schema.ts';

// The built-in wording, in our own words. Each block does one job of the team's rules: say
// where the issue stands, answer every question, name the next step and who takes it, and
// say when the customer hears from us next with a real day, time and zone. Whole messages
// (full reply, acknowledgement, missed ETA, escalation) open with a greeting, which is left
// out when the draft already has one; the others are paragraphs to drop into a reply.

export const DEFAULT_TEMPLATES: ScaffoldTemplates = {
  'full-reply': {
    label: 'Full reply',
    body: [
      'Hi {customerFirstName},',
      '',
      'Here is where things stand: [[current status: what we found, what is done, what is still open]].',
      '',
      '{questions}',
      '',
      'Next steps: I will [[what I will do next]].',
      '',
      'You will hear from me by {etaNextBusinessDay} with an update, whether or not the work is finished.',
      '',
      'Best regards,',
      '{myFirstName}',
    ].join('\n'),
  },
  acknowledgement: {
    label: 'Acknowledgement',
    body: [
      'Hi {customerFirstName},',
      '',
      'Thank you for writing to us about “{subject}”. I have received your message and I am looking into it now.',
      '',
      'I will send you an actionable answer by {etaActionable}.',
      '',
      'Best regards,',
      '{myFirstName}',
    ].join('\n'),
  },
  status: {
    label: 'Status',
    body: 'Where things stand: [[current status: what we found, what is done, what is still open]].',
  },
  'next-steps': {
    label: 'Next steps',
    body: [
      'Next steps:',
      '- I will [[our next step]] by {etaNextBusinessDay}.',
      '- [[what we need from you, if anything]]',
    ].join('\n'),
  },
  expectations: {
    label: 'Expectations',
    body: 'What to expect: you will hear from me by {etaNextBusinessDay}, whether or not the work is finished.',
  },
  'missed-eta': {
    label: 'Missed ETA',
    body: [
      'Hi {customerFirstName},',
      '',
      'I owe you an apology: I promised you an update by {missedEta} and I missed it. That is on me.',
      '',
      'Where things stand: [[current status]].',
      '',
      'I will send you the next update by {etaEndOfDay}.',
      '',
      'Best regards,',
      '{myFirstName}',
    ].join('\n'),
  },
  'escalation-update': {
    label: 'Escalation update',
    body: [
      'Hi {customerFirstName},',
      '',
      'I have brought our engineering team into “{subject}”, and they are working on it with me.',
      '',
      'Where things stand: [[what engineering has found so far]].',
      '',
      'Our next checkpoint is {etaNextBusinessDay}. I will update you then, even if nothing has changed.',
      '',
      'Best regards,',
      '{myFirstName}',
    ].join('\n'),
  },
  'call-offer': {
    label: 'Offer a call',
    body:
      'Would a call help? I can walk you through it and bring one of our engineers along. ' +
      'I am free [[two or three times, with the time zone]]; reply with the one that suits you, or suggest another.',
  },
};

/** The wording in force: the team's where it has some, the built-in wording elsewhere. */
export function effectiveTemplates(overrides: ScaffoldOverrides | undefined): ScaffoldTemplates {
  const out = { ...DEFAULT_TEMPLATES };
  if (!overrides) return out;
  for (const id of Object.keys(DEFAULT_TEMPLATES) as ScaffoldId[]) {
    const override = overrides[id];
    if (override) out[id] = override;
  }
  return out;
}
