import { etasOfNewText, sentencesOfNewText } from './engine.ts';
import type { Settings } from './schemas/settings.ts';
import { parseMessage } from './text/text-model.ts';
import { toIsoInZone } from './time/format.ts';
import type { EarlierEta } from './types.ts';

// What a Gmail thread tells the checker beyond the draft: which message is being answered,
// who the customer is, and what we already promised. Works on the adapter's plain message
// data, so it runs in Node tests as well as in the content script.

export interface ThreadMessageInput {
  messageId: string | null;
  from: { name: string; email: string } | null;
  date: { iso: string | null } | null;
  /** Null while Gmail has not loaded the body. */
  bodyHtml: string | null;
}

export interface ThreadContextOptions {
  /** The signed-in account's address; its messages are ours. */
  accountAddress: string | null;
  /** Settings.teamDomains: mail from these (or their subdomains) is ours too. */
  teamDomains: readonly string[];
  /** The writer's zone: earlier promises that name no zone were written in it. */
  timeZone: string;
  schedule: Settings['schedule'];
}

export interface ThreadFacts<M extends ThreadMessageInput = ThreadMessageInput> {
  /** The latest message not from us: the one the reply answers. */
  customerMessage: M | null;
  customer: { name: string; email: string } | null;
  /** Our messages, in thread order. */
  ourReplies: M[];
  /** Concrete ETAs our messages gave, oldest first; `due` is ISO-8601 with offset. */
  earlierEtas: EarlierEta[];
  messageCount: number;
  lastCustomerAt: string | null;
  ourLastReplyAt: string | null;
  /**
   * Who wrote when, in thread order: every message whose sender is known and whose date
   * could be read. The response-time clocks are worked out from it (lib/time/clocks.ts).
   */
  timeline: TimelineEntry[];
}

/** One message of a thread's history as the clocks see it: ours or the customer's, and when. */
export interface TimelineEntry {
  from: 'customer' | 'us';
  /** ISO-8601, as the adapter read it from the message's date. */
  at: string;
}

// A thread of a few hundred messages is already unusual; beyond this only the newest count,
// so a pathological page cannot make each check scan thousands of bodies.
const MAX_MESSAGES = 500;

function normalisedDomains(domains: readonly string[]): string[] {
  const out: string[] = [];
  for (const domain of domains) {
    const clean = typeof domain === 'string' ? domain.trim().toLowerCase().replace(/^@/, '') : '';
    if (clean) out.push(clean);
  }
  return out;
}

/** Whether an address belongs to the account or one of the team's domains. */
export function isOurAddress(email: string, accountAddress: string | null, teamDomains: readonly string[]): boolean {
  const address = email.trim().toLowerCase();
  if (!address) return false;
  if (accountAddress && address === accountAddress.trim().toLowerCase()) return true;
  const at = address.lastIndexOf('@');
  if (at < 0) return false;
  const domain = address.slice(at + 1);
  for (const team of normalisedDomains(teamDomains)) {
    // support.northwind.example is the team too when northwind.example is listed.
    if (domain === team || domain.endsWith(`.${team}`)) return true;
  }
  return false;
}

function validDate(iso: string | null | undefined): Date | null {
  if (!iso) return null;
  const time = Date.parse(iso);
  return Number.isFinite(time) ? new Date(time) : null;
}

/** Concrete ETAs in one of our messages, read as of the moment it was sent. */
export function etasPromisedIn(
  bodyHtml: string,
  sentAt: Date,
  options: { timeZone: string; schedule: Settings['schedule'] },
): EarlierEta[] {
  const model = parseMessage(bodyHtml, { format: 'html' });
  const etas = etasOfNewText(model, { now: sentAt, timeZone: options.timeZone, schedule: options.schedule });
  if (etas.length === 0) return [];
  const sentences = sentencesOfNewText(model);
  const out: EarlierEta[] = [];
  let s = 0;
  for (const eta of etas) {
    if (eta.vague || !eta.end) continue;
    // ETAs and sentences are both in text order, so one forward walk pairs them.
    while (s < sentences.length && sentences[s]!.end <= eta.range[0]) s++;
    const sentence = sentences[s];
    const text = sentence && sentence.start <= eta.range[0] ? sentence.text : eta.text;
    out.push({ due: toIsoInZone(eta.end, eta.timeZone || options.timeZone), text: text.trim() });
  }
  return out;
}

/** The thread's facts; never throws, and unknown senders are neither us nor the customer. */
export function threadContextOf<M extends ThreadMessageInput>(
  messages: readonly M[],
  options: ThreadContextOptions,
): ThreadFacts<M> {
  const list = messages.length > MAX_MESSAGES ? messages.slice(messages.length - MAX_MESSAGES) : messages;
  const ours: M[] = [];
  let customerMessage: M | null = null;
  const timeline: TimelineEntry[] = [];
  for (const message of list) {
    const email = message?.from?.email;
    if (!email) continue;
    const mine = isOurAddress(email, options.accountAddress, options.teamDomains);
    if (mine) ours.push(message);
    else customerMessage = message;
    if (validDate(message.date?.iso)) timeline.push({ from: mine ? 'us' : 'customer', at: message.date!.iso! });
  }

  const earlierEtas: EarlierEta[] = [];
  let ourLastReplyAt: string | null = null;
  for (const message of ours) {
    const sentAt = validDate(message.date?.iso);
    if (sentAt) ourLastReplyAt = message.date!.iso;
    if (!sentAt || !message.bodyHtml) continue;
    try {
      earlierEtas.push(...etasPromisedIn(message.bodyHtml, sentAt, options));
    } catch {
      // One unreadable message costs its promises, not the thread's other facts.
    }
  }

  return {
    customerMessage,
    customer: customerMessage?.from
      ? { name: customerMessage.from.name, email: customerMessage.from.email.toLowerCase() }
      : null,
    ourReplies: ours,
    earlierEtas,
    messageCount: messages.length,
    lastCustomerAt: validDate(customerMessage?.date?.iso) ? customerMessage!.date!.iso : null,
    ourLastReplyAt,
    timeline,
  };
}
