import { describe, expect, it } from 'vitest';
import { isGreetingLine } from '../../lib/scaffolds/greeting.ts';

describe('isGreetingLine', () => {
  it.each(['Hi Priya,', 'Hello team!', 'hey Lee', 'Dear Mr. Shah,', 'Good morning Priya,', 'Hi Priya, thanks for the logs.', '  Hiya,  '])(
    'reads %j as a greeting',
    (line) => expect(isGreetingLine(line)).toBe(true),
  );

  it.each(['', 'Thanks for the logs.', 'History of the issue', 'Highlights of 4.2:', 'Deary me', `Hi ${'x'.repeat(130)}`])(
    'does not read %j as one',
    (line) => expect(isGreetingLine(line)).toBe(false),
  );
});
