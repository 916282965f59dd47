// Whether a line of a reply is its greeting ("Hi Priya,", "Dear Mr. Shah", "Good morning
// team!"): a scaffold goes in after it, and a scaffold's own greeting is left out when the
// draft has one. Text-based, so it works whatever markup Gmail wrapped the line in.

const OPENERS = /^(?:hi|hello|hey|hiya|howdy|dear|greetings|good\s+(?:morning|afternoon|evening|day))\b/i;
// A greeting is short: a name or two and maybe "thanks for the report." after a comma.
const MAX_GREETING = 120;

export function isGreetingLine(line: string): boolean {
  const text = line.replace(/\s+/g, ' ').trim();
  if (text.length === 0 || text.length > MAX_GREETING) return false;
  return OPENERS.test(text);
}
