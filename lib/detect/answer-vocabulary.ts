import type { QuestionType } from '../types.ts';

// Vocabulary for answer matching. Phrases are written in the normal form of
// normaliseText (lower case, contractions expanded: "i'll" → "i will", "don't" → "do not").

/**
 * Support words that mean the same thing to a customer. The first word of a group is the
 * key both sides are mapped to; multi-word entries ("sign in") are matched as bigrams or
 * trigrams before stemming.
 */
export const SYNONYM_GROUPS: readonly (readonly string[])[] = [
  ['invoice', 'bill', 'billing', 'receipt', 'statement', 'charge', 'charges', 'charged'],
  ['login', 'log in', 'logon', 'log on', 'sign in', 'signin', 'sign-in', 'logging in', 'signing in', 'authenticate', 'authentication'],
  ['access', 'permission', 'permissions', 'rights', 'privilege', 'privileges', 'role', 'roles', 'authorization', 'authorisation'],
  ['error', 'crash', 'crashes', 'crashed', 'crashing', 'failure', 'fail', 'fails', 'failed', 'failing', 'exception', 'bug', 'broken', 'outage', 'defect'],
  // A customer's "fix" arrives as our "patch", "release" or "deploy".
  ['fix', 'patch', 'hotfix', 'resolve', 'resolved', 'resolution', 'repair', 'workaround', 'solution', 'release', 'ship', 'shipped', 'ships', 'deploy', 'deployed', 'deployment', 'rollout', 'roll out', 'rolled out', 'available', 'live', 'launch', 'launched'],
  ['update', 'upgrade', 'upgraded', 'updated', 'version', 'build'],
  ['password', 'passcode', 'credentials', 'credential', 'passphrase'],
  ['refund', 'reimburse', 'reimbursement', 'money back', 'credit back', 'chargeback'],
  ['account', 'workspace', 'tenant', 'organization', 'organisation', 'org', 'profile'],
  ['cancel', 'cancellation', 'terminate', 'termination', 'unsubscribe', 'close the account'],
  ['price', 'pricing', 'cost', 'costs', 'fee', 'fees', 'quote', 'rate', 'rates'],
  ['license', 'licence', 'licenses', 'licences', 'seat', 'seats', 'subscription', 'plan'],
  ['sso', 'saml', 'single sign-on', 'single sign on', 'okta', 'idp', 'identity provider'],
  ['slow', 'slower', 'slowness', 'latency', 'lag', 'lagging', 'performance', 'timeout', 'timeouts', 'hang', 'hangs', 'freeze', 'freezes', 'speed', 'speed up', 'faster', 'fast', 'quicker', 'load times', 'load time'],
  ['meeting', 'call', 'meet', 'session', 'zoom', 'teams call', 'conference', 'invite', 'invitation', 'demo', 'walkthrough', 'time slots'],
  ['documentation', 'docs', 'doc', 'guide', 'manual', 'article', 'knowledge base', 'kb'],
  // Notes about a release are documents, not the release: "I'll send the release notes by
  // Thursday" promises no fix.
  ['release notes', 'release note', 'changelog', 'change log', 'changelogs', 'patch notes'],
  ['log', 'logs', 'trace', 'traces', 'har file', 'diagnostics', 'debug output'],
  ['reset', 'resets', 'reset link', 'recover', 'recovery'],
  ['email', 'e-mail', 'mail', 'message', 'notification', 'notifications'],
  ['user', 'users', 'member', 'members', 'employee', 'employees', 'seat holder'],
  ['export', 'download', 'extract', 'csv'],
  ['import', 'upload', 'migrate', 'migration'],
  ['setting', 'settings', 'option', 'options', 'configuration', 'config', 'preference', 'preferences'],
  ['enable', 'enabled', 'turn on', 'switch on', 'activate', 'activated'],
  ['disable', 'disabled', 'turn off', 'switch off', 'deactivate', 'deactivated'],
  ['delete', 'remove', 'removed', 'deleted', 'erase', 'purge'],
  ['send', 'sent', 'forward', 'forwarded', 'share', 'shared', 'attach', 'attached', 'provide', 'provided'],
  ['escalate', 'escalated', 'escalation', 'engineering', 'engineers', 'tier 2', 'l2'],
  ['api', 'endpoint', 'endpoints', 'integration', 'webhook', 'webhooks'],
  ['server', 'servers', 'instance', 'host', 'environment'],
  ['report', 'dashboard', 'analytics'],
  ['contract', 'agreement', 'renewal', 'renew', 'renews', 'renewed', 'auto-renew', 'auto-renewal', 'term'],
  ['reproduce', 'reproduced', 'repro', 'replicate', 'replicated', 'reproducible'],
  ['rollback', 'roll back', 'rolled back', 'rolling back', 'rollbacks', 'revert', 'reverted', 'reverting', 'downgrade', 'downgraded', 'downgrading', 'previous version'],
  ['encrypt', 'encrypted', 'encryption', 'algorithm', 'cipher', 'aes', 'aes-256'],
  ['roadmap', 'any plan', 'any plans', 'plans to', 'plan to', 'planned', 'on the roadmap', 'road map'],
  ['discount', 'discounts', 'discounted', 'reduction', 'rebate'],
  ['data centre', 'data center', 'data centres', 'data centers', 'region', 'regions', 'hosting', 'hosted'],
];

/** Words that carry no topic of their own. */
export const STOPWORDS: ReadonlySet<string> = new Set([
  'a', 'an', 'the', 'and', 'or', 'but', 'if', 'of', 'to', 'in', 'on', 'at', 'by', 'for', 'with',
  'from', 'as', 'into', 'onto', 'about', 'over', 'under', 'than', 'then', 'so', 'too', 'very',
  'just', 'also', 'still', 'yet', 'any', 'some', 'all', 'each', 'every', 'no', 'not', 'this',
  'that', 'these', 'those', 'there', 'here', 'it', 'its', 'i', 'me', 'my', 'we', 'us', 'our',
  'you', 'your', 'he', 'she', 'they', 'them', 'their', 'his', 'her', 'is', 'are', 'was',
  'were', 'be', 'been', 'being', 'am', 'do', 'does', 'did', 'done', 'have', 'has', 'had',
  'will', 'would', 'can', 'could', 'should', 'shall', 'may', 'might', 'must', 'what', 'when',
  'where', 'which', 'who', 'whom', 'whose', 'why', 'how', 'whether', 'please', 'kindly',
  'thanks', 'thank', 'let', 'know', 'tell', 'confirm', 'advise', 'wondering', 'wonder',
  'like', 'want', 'need', 'get', 'got', 'one', 'other', 'again', 'up', 'out', 'more', 'much',
  'many', 'lot', 'able', 'possible', 'way', 'hi', 'hello', 'there', 'regards', 'best', 'ok',
  'okay', 'yes', 'now', 'currently', 'right', 'asap', 'soon', 'explain', 'clarify', 'idea',
  'think', 'thoughts', 'question', 'questions', 'wanted', 'ask', 'asking', 'curious', 'sure',
  'well', 'really', 'going', 'time', 'go', 'make', 'see', 'look', 'also', 'else', 'anything',
  'something', 'someone', 'anyone', 'please', 'possibly', 'currently', 'send', 'provide',
  'share', 'give', 'help', 'pls', 'plz', 'thx', 'u', 'ur', 'exactly', 'roughly', 'approximately',
  'usually', 'quick', 'urgent', 'urgently', 'hey', 'dear', 'team', 'guys', 'next', 'last',
  'through', 'own', 'per', 'via', 'such', 'both', 'either', 'neither',
]);

/** Words that name an ask rather than its topic ("any update on X?": X is the topic). */
export const FRAME_WORDS: Partial<Record<QuestionType, readonly string[]>> = {
  status: ['update', 'updates', 'news', 'progress', 'status', 'word', 'heard', 'hear', 'follow', 'following', 'checking'],
  when: ['eta', 'timeline', 'timeframe', 'expected', 'date', 'long', 'soon', 'day', 'days'],
  quantity: ['price', 'cost', 'costs', 'pricing', 'much', 'many'],
  why: ['reason', 'reasons', 'cause', 'caused', 'causes', 'happened', 'happening', 'happen', 'wrong', 'check', 'look', 'investigate'],
};

/** Topic words that say little on their own; a hit on one counts a third. */
export const WEAK_WORDS: ReadonlySet<string> = new Set([
  'issue', 'issues', 'problem', 'problems', 'thing', 'things', 'work', 'works', 'working',
  'case', 'ticket', 'request', 'team', 'support', 'today', 'week', 'day', 'use', 'using',
  'new', 'change', 'happen', 'happening', 'info', 'information', 'details', 'detail',
]);

// --- Cues a draft sentence gives, by the kind of answer a question wants ---------------

export const TIME_WORDS: readonly string[] = [
  'today', 'tonight', 'tomorrow', 'tmrw', 'monday', 'tuesday', 'wednesday', 'thursday',
  'friday', 'saturday', 'sunday', 'weekend', 'eod', 'cob', 'eow', 'eom', 'noon', 'midnight',
  'this morning', 'this afternoon', 'this evening', 'later today', 'next week', 'next month',
  'next year', 'next release', 'next version', 'next sprint', 'next build', 'next patch',
  'next update', 'next quarter', 'next business day', 'this week', 'this month', 'this quarter',
  'this sprint', 'end of day', 'end of the day', 'end of week', 'end of the week',
  'end of month', 'end of the month', 'end of the quarter', 'close of business', 'january',
  'february', 'march', 'april', 'june', 'july', 'august', 'september', 'october', 'november',
  'december', 'jan', 'feb', 'apr', 'jun', 'jul', 'aug', 'sept', 'oct', 'nov', 'dec', 'q1', 'q2',
  'q3', 'q4', 'soon', 'shortly', 'within the hour', 'right away', 'immediately', 'asap',
  'as soon as', 'in the coming days', 'coming weeks', 'hours', 'minutes', 'business days',
  'working days', 'days', 'weeks', 'months', 'tomorrow morning', 'this week', 'later this week',
  'every 30 minutes', 'every hour', 'hourly',
];

/** Time words that name no instant: a promise made with only these is not yet an ETA. */
export const VAGUE_TIME_WORDS: readonly string[] = [
  'soon', 'shortly', 'asap', 'as soon as', 'in the coming days', 'coming weeks', 'in a bit',
  'at some point', 'in due course', 'hours', 'minutes', 'days', 'weeks', 'months',
];

/** Regular expressions for times and dates; each is linear (no nested quantifiers). */
export const TIME_PATTERNS: readonly RegExp[] = [
  /\b\d{1,2}(?::\d{2})?\s?(?:am|pm|a\.m\.?|p\.m\.?)(?![a-z])/,
  /\b\d{1,2}:\d{2}\b/,
  /\b\d{4}-\d{2}-\d{2}\b/,
  /\b\d{1,2}\/\d{1,2}(?:\/\d{2,4})?\b/,
  /\b\d{1,2}(?:st|nd|rd|th)\b/,
  /\bmay \d/,
  /\b(?:in|within|next|after) (?:\d+|a|an|one|two|three|four|five|six|seven|a few|a couple of|several) (?:more )?(?:business |working )?(?:minute|hour|day|week|month)s?\b/,
  /\b(?:v(?:ersion)? ?)?\d+\.\d+(?:\.\d+)?\b/,
];

/** A yes/no answer: opening words, or a plain affirmation/denial anywhere. */
export const YES_NO_OPENERS: readonly string[] = [
  'yes', 'yeah', 'yep', 'yup', 'no', 'nope', 'correct', 'incorrect', 'indeed', 'absolutely',
  'definitely', 'certainly', 'sure', 'unfortunately', 'confirmed', 'right', 'exactly',
  'of course', 'affirmative', 'negative', 'not yet', 'not quite', 'sadly', 'good news',
  'happy to', 'glad to', 'no problem', 'will do', 'sure thing', 'nothing', 'there is no',
  'there are no', 'none', 'confirmed',
];

/**
 * Statements that confirm or deny. The ones in WEAK_YES_NO_PHRASES also start plain
 * statements ("you can find an overview…"), so they need more of the topic to count.
 */
export const YES_NO_PHRASES: readonly string[] = [
  'it does', 'it does not', 'it is', 'it is not', 'it will', 'it will not', 'it can',
  'it can not', 'it was', 'it was not', 'it has', 'it has not', 'that is correct',
  'that is right', 'that is not', 'you are right', 'you are correct', 'i can confirm',
  'we can confirm', 'i confirm', 'confirmed', 'not yet', 'is not possible', 'is possible',
  'unfortunately not', 'we do', 'we do not', 'you can', 'you can not', 'is supported',
  'is not supported', 'does support', 'does not support', 'is included', 'is not included',
  'there is', 'there is not', 'there are', 'there are no', 'they are', 'they are not',
  'we are', 'we are not', 'we will', 'we will not', 'we can', 'we can not', 'i am afraid',
  'not at this time', 'not currently', 'is available', 'is not available', 'happy to',
  'glad to', 'no problem', 'will do', 'sure thing', 'not just you', 'not only you', 'it is not just',
  'no longer', 'does exactly that', 'that would be me', 'not on our roadmap', 'not supported',
  'are not supported', 'we do not offer', 'we only', 'can only', 'nothing changed', 'no incident',
  'no hard', 'no fixed', 'not planned', 'they will not', 'they do not', 'they can not', 'they are not',
  'it does not', 'it will not', 'you do not', 'you will not', 'we do not',
  // "Do we need to roll back?" — "Rolling back is not needed."
  'not needed', 'no need', 'not necessary', 'not required',
];

export const STEP_PHRASES: readonly string[] = [
  'first', 'then', 'next', 'step', 'steps', 'go to', 'click', 'open', 'navigate', 'select',
  'choose', 'run', 'follow', 'you can', 'you will need to', 'you need to', 'to do this',
  'to do that', 'by going', 'under', 'enable', 'disable', 'using', 'via', 'the way to',
  'here is how', 'instructions', 'guide', 'make sure', 'set', 'type', 'enter', 'press',
  'restart', 'clear', 'install', 'configure', 'add', 'remove', 'should', 'try',
];

export const REASON_PHRASES: readonly string[] = [
  'because', 'due to', 'caused by', 'the reason', 'since', 'as a result', 'root cause',
  'this happens when', 'this is because', 'the cause', 'happened when', 'was caused',
  'results from', 'resulted from', 'triggered by', 'this is why', 'that is why', 'so that',
  'in order to', 'the issue was', 'the problem was', 'which is why', 'which was why', 'that was why',
  'this happened', 'what happened',
];

export const WHO_PHRASES: readonly string[] = [
  'i', 'we', 'our team', 'engineer', 'engineering', 'manager', 'contact', 'owner',
  'colleague', 'support', 'account manager', 'admin', 'administrator', 'me', 'my colleague',
  'our', 'team', 'person', 'responsible',
];

export const WHERE_PHRASES: readonly string[] = [
  'in the', 'under', 'at', 'settings', 'page', 'menu', 'tab', 'folder', 'url', 'link',
  'located', 'portal', 'dashboard', 'path', 'directory', 'on the', 'from the', 'section',
  'panel', 'screen', 'site', 'website', 'console', 'inbox',
];

export const NUMBER_WORDS: readonly string[] = [
  'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'dozen',
  'hundred', 'thousand', 'free', 'no charge', 'no cost', 'no extra cost', 'included',
  'nothing', 'none', 'half', 'twice',
];

export const STATUS_PHRASES_IN_DRAFT: readonly string[] = [
  'still', 'investigating', 'looking into', 'working on', 'in progress', 'deployed',
  'released', 'fixed', 'resolved', 'shipped', 'identified', 'reproduced', 'escalated',
  'pending', 'waiting', 'on hold', 'scheduled', 'completed', 'complete', 'done',
  'currently', 'is now', 'has been', 'have been', 'no update', 'no news', 'nothing new',
  'status', 'we are', 'our engineers', 'the team', 'root cause', 'progress', 'testing',
  'tested', 'confirmed', 'working', 'is live', 'went live', 'rolled out',
];

export const WEAK_YES_NO_PHRASES: ReadonlySet<string> = new Set([
  'it is', 'it will', 'it can', 'it was', 'it has', 'we do', 'you can', 'there is', 'there are',
  'they are', 'we are', 'we will', 'we can', 'happy to', 'glad to',
]);

/** Done or will-do: what a request wants to hear. */
export const ACTION_PHRASES: readonly string[] = [
  'i have', 'we have', 'i sent', 'we sent', 'i just', 'we just', 'attached', 'i attached',
  'i will', 'we will', 'i am going to', 'we are going to', 'i can', 'we can', 'done',
  'enabled', 'disabled', 'sent', 'reset', 'granted', 'added', 'removed', 'updated',
  'upgraded', 'refunded', 'processed', 'completed', 'escalated', 'scheduled', 'here is',
  'here are', 'please find', 'you should now', 'you should see', 'you now have', 'is now',
  'has been', 'have been', 'will be', 'is done', 'taken care', 'i went ahead', 'we went ahead',
  'i have gone ahead', 'we have gone ahead', 'i am afraid', 'we can not', 'unfortunately',
  'not able to', 'unable to', 'below', 'is attached', 'are attached',
];

/** A promise to come back with the answer. Counts as addressed (see answers.ts). */
export const DEFERRAL_PHRASES: readonly string[] = [
  'i will check', 'we will check', 'i will look into', 'we will look into',
  'i will find out', 'we will find out', 'i will confirm', 'we will confirm',
  'get back to you', 'come back to you', 'circle back', 'follow up', 'i will let you know',
  'we will let you know', 'let you know', 'will update you', 'keep you posted',
  'keep you updated', 'keep you informed', 'i do not know yet', 'we do not know yet',
  'not sure yet', 'do not have an answer yet', 'do not have that information yet',
  'do not have an eta yet', 'do not know when', 'checking with', 'i have asked',
  'we have asked', 'i have reached out', 'i am checking', 'we are checking', 'i will ask',
  'we will ask', 'will confirm by', 'update you by', 'i will investigate',
  'we will investigate', 'will report back', 'i will verify', 'we will verify',
  'send you an update', 'send an update', 'update you', 'will write again', 'will write back',
  'be in touch', 'i will confirm', 'will confirm', 'let you know the outcome', 'i will send',
  'we will send', 'i will dig', 'let me dig', 'let me check', 'i need to check', 'will send them',
  'will send it', 'i will get', 'we will get', 'i will update', 'we will update',
];

/**
 * Handing the ask to someone else. Without a time it answers nothing ("I have forwarded
 * your request to billing"); with one it is a promise like any other.
 */
export const HANDOFF_PHRASES: readonly string[] = [
  'forwarded your', 'forwarded this', 'forwarded it', 'forwarded the', 'passed this on',
  'passed it on', 'passed your', 'pass this on', 'pass it on', 'pass them on', 'passed them on',
  'passed on', 'copied in', 'looped in', 'handed this', 'handed it', 'escalated your',
  'escalated this', 'escalated it', 'raised this with', 'raised it with', 'shared this with',
  'shared your', 'will pass', 'have passed', 'added your vote',
];

/** Asks whose answer is advice or a diagnosis as much as an action. */
export const ADVICE_VERBS: readonly string[] = [
  'advise', 'advice', 'suggest', 'recommend', 'help', 'look into', 'check', 'investigate',
  'tell us', 'tell me', 'explain', 'let us know', 'let me know', 'what is happen', 'what happened',
];

/** "What happened?", "What can be the reason?": which-questions that want a cause. */
export const CAUSE_ASKS: readonly string[] = [
  'what happened', 'what is happening', 'what is happen', 'what went wrong', 'what is wrong',
  'what is the reason', 'what can be the reason', 'what could be the reason', 'what was the reason',
  'what is the cause', 'what caused', 'what causes', 'what could cause', 'what can cause',
];

/** Words inside an ask that turn it into a question: "I need to know how…", "let me know whether…". */
export const EMBEDDED_ASK_FRAMES: readonly string[] = [
  'know', 'understand', 'tell me', 'tell us', 'find out', 'confirm', 'wondering', 'wonder',
  'curious', 'clarify', 'explain', 'check', 'advise', 'ask',
];

/** Each question type's "wants" for the side panel's reason text. */
export const TYPE_WANTS: Record<QuestionType, string> = {
  when: 'gives no time for it',
  yesno: 'does not confirm or deny it',
  which: 'does not name an answer',
  how: 'gives no steps or explanation',
  why: 'gives no reason',
  who: 'does not say who',
  where: 'does not say where',
  quantity: 'gives no number',
  status: 'gives no status',
  request: 'does not say it was done or will be done',
};
