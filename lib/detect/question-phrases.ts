import type { QuestionType } from '../types.ts';

// Phrase tables for the question/request finder. Every phrase is written in the finder's
// normal form: lower case, straight apostrophes, single spaces, contractions expanded
// ("i'd" → "i would", "what's" → "what is", "let's" → "let us", "don't" → "do not").
// The finder tests each phrase on word boundaries; `start` phrases only at the beginning
// of a clause (after greetings, names and "also"/"and"/"so" are stripped).

export interface PhraseRule {
  phrase: string;
  at: 'start' | 'anywhere';
}

/**
 * Sentences that look like asks but are courtesy, hand-over or small talk. A match vetoes
 * the whole sentence: "let me know if you have any questions" offers help, it asks nothing.
 */
export const NOT_A_QUESTION: readonly PhraseRule[] = [
  { phrase: 'if you have any questions', at: 'anywhere' },
  { phrase: 'if you have any further questions', at: 'anywhere' },
  { phrase: 'if you have any other questions', at: 'anywhere' },
  { phrase: 'if you have questions', at: 'anywhere' },
  { phrase: 'if you have any concerns', at: 'anywhere' },
  { phrase: 'if you need anything', at: 'anywhere' },
  { phrase: 'if you need any', at: 'anywhere' },
  { phrase: 'if you need further', at: 'anywhere' },
  { phrase: 'if you need more', at: 'anywhere' },
  { phrase: 'if you require', at: 'anywhere' },
  { phrase: 'if there is anything', at: 'anywhere' },
  { phrase: 'if i can help', at: 'anywhere' },
  { phrase: 'if i can be of', at: 'anywhere' },
  { phrase: 'if we can help', at: 'anywhere' },
  { phrase: 'should you have', at: 'anywhere' },
  { phrase: 'should you need', at: 'anywhere' },
  { phrase: 'should you require', at: 'anywhere' },
  { phrase: 'feel free to', at: 'anywhere' },
  { phrase: 'do not hesitate', at: 'anywhere' },
  { phrase: 'thanks in advance', at: 'anywhere' },
  { phrase: 'thank you in advance', at: 'anywhere' },
  { phrase: 'hope this helps', at: 'anywhere' },
  { phrase: 'hope that helps', at: 'anywhere' },
  { phrase: 'looking forward to', at: 'anywhere' },
  { phrase: 'look forward to', at: 'anywhere' },
  { phrase: 'please find', at: 'start' },
  { phrase: 'find attached', at: 'start' },
  { phrase: 'attached please find', at: 'start' },
  { phrase: 'attached is', at: 'start' },
  { phrase: 'please see attached', at: 'start' },
  { phrase: 'please see the attached', at: 'start' },
  { phrase: 'please see below', at: 'start' },
  { phrase: 'please see above', at: 'start' },
  { phrase: 'please see my', at: 'start' },
  { phrase: 'see attached', at: 'start' },
  { phrase: 'see below', at: 'start' },
  { phrase: 'see the attached', at: 'start' },
  { phrase: 'find the attached', at: 'start' },
  { phrase: 'keep in mind', at: 'start' },
  { phrase: 'please note', at: 'start' },
  { phrase: 'note that', at: 'start' },
  { phrase: 'please be advised', at: 'start' },
  { phrase: 'please be aware', at: 'start' },
  { phrase: 'please be informed', at: 'start' },
  { phrase: 'please keep in mind', at: 'start' },
  { phrase: 'please accept', at: 'start' },
  { phrase: 'please excuse', at: 'start' },
  { phrase: 'please forgive', at: 'start' },
  { phrase: 'please disregard', at: 'start' },
  { phrase: 'please ignore', at: 'start' },
  { phrase: 'please allow', at: 'start' },
  { phrase: 'please bear with', at: 'start' },
  { phrase: 'please be patient', at: 'start' },
  { phrase: 'have a great', at: 'start' },
  { phrase: 'have a nice', at: 'start' },
  { phrase: 'have a good', at: 'start' },
  { phrase: 'enjoy your', at: 'start' },
  { phrase: 'how are you', at: 'start' },
  { phrase: 'how are things', at: 'start' },
  { phrase: 'how have you been', at: 'start' },
  { phrase: 'how is it going', at: 'start' },
  { phrase: 'how was your', at: 'start' },
  { phrase: 'hope you are', at: 'start' },
  { phrase: 'i hope you are', at: 'start' },
  { phrase: 'who knows', at: 'start' },
  { phrase: 'guess what', at: 'start' },
  { phrase: 'you know what', at: 'start' },
  { phrase: 'why not', at: 'start' },
  { phrase: 'let me check', at: 'start' },
  { phrase: 'let me see', at: 'start' },
  { phrase: 'let me explain', at: 'start' },
  { phrase: 'let me think', at: 'start' },
  { phrase: 'let me try', at: 'start' },
  { phrase: 'let me be clear', at: 'start' },
  { phrase: 'let us help you', at: 'start' },
  { phrase: 'to your address book', at: 'anywhere' },
  { phrase: 'safe sender', at: 'anywhere' },
  { phrase: 'to ensure delivery', at: 'anywhere' },
  { phrase: 'to ensure future delivery', at: 'anywhere' },
  { phrase: 'unsubscribe', at: 'anywhere' },
  { phrase: 'opt out', at: 'anywhere' },
  // Conditional offers ("if you would like to change your preferences, visit…") are
  // boilerplate, not something the writer needs from the reader.
  { phrase: 'if you would like to', at: 'start' },
  { phrase: 'if you wish to', at: 'start' },
  { phrase: 'if you want to', at: 'start' },
  { phrase: 'if you would prefer', at: 'start' },
  { phrase: 'if you prefer', at: 'start' },
  { phrase: 'if you no longer', at: 'start' },
];

/** Exclamations shaped like questions: "What a mess!", "How great is that!". */
export const EXCLAMATION_STARTS: readonly string[] = ['what a', 'what an', 'how', 'what', 'such a', 'so'];

/** Reported speech: "I asked whether it was fixed." tells, it does not ask. */
export const REPORTED_ASK_VERBS: readonly string[] = [
  'asked', 'inquired', 'enquired', 'wondered', 'queried', 'wanted to know', 'checked',
];

/**
 * Indirect questions and asks with a complement: the words after the phrase say what kind
 * of answer is wanted ("let me know when…" → when; "…whether…" → yes/no). `type` is the
 * answer type when no complement word decides it.
 */
export interface FrameRule extends PhraseRule {
  type: QuestionType;
}

export const QUESTION_FRAMES: readonly FrameRule[] = [
  { phrase: 'i was wondering', at: 'anywhere', type: 'yesno' },
  { phrase: 'i am wondering', at: 'anywhere', type: 'yesno' },
  { phrase: 'i wonder', at: 'anywhere', type: 'yesno' },
  { phrase: 'we were wondering', at: 'anywhere', type: 'yesno' },
  { phrase: 'we are wondering', at: 'anywhere', type: 'yesno' },
  { phrase: 'we wonder', at: 'anywhere', type: 'yesno' },
  { phrase: 'just wondering', at: 'anywhere', type: 'yesno' },
  { phrase: 'wondering if', at: 'anywhere', type: 'yesno' },
  { phrase: 'wondering whether', at: 'anywhere', type: 'yesno' },
  { phrase: 'wondering when', at: 'anywhere', type: 'when' },
  { phrase: 'wondering what', at: 'anywhere', type: 'which' },
  { phrase: 'wondering how', at: 'anywhere', type: 'how' },
  { phrase: 'please let me know', at: 'anywhere', type: 'request' },
  { phrase: 'please let us know', at: 'anywhere', type: 'request' },
  { phrase: 'let me know', at: 'anywhere', type: 'request' },
  { phrase: 'let us know', at: 'anywhere', type: 'request' },
  { phrase: 'lmk', at: 'anywhere', type: 'request' },
  { phrase: 'can you confirm', at: 'anywhere', type: 'yesno' },
  { phrase: 'could you confirm', at: 'anywhere', type: 'yesno' },
  { phrase: 'would you confirm', at: 'anywhere', type: 'yesno' },
  { phrase: 'can you please confirm', at: 'anywhere', type: 'yesno' },
  { phrase: 'could you please confirm', at: 'anywhere', type: 'yesno' },
  { phrase: 'please confirm', at: 'anywhere', type: 'yesno' },
  { phrase: 'kindly confirm', at: 'anywhere', type: 'yesno' },
  { phrase: 'please can you confirm', at: 'anywhere', type: 'yesno' },
  { phrase: 'can you advise', at: 'anywhere', type: 'how' },
  { phrase: 'could you advise', at: 'anywhere', type: 'how' },
  { phrase: 'could you please advise', at: 'anywhere', type: 'how' },
  { phrase: 'can you please advise', at: 'anywhere', type: 'how' },
  { phrase: 'please advise', at: 'anywhere', type: 'how' },
  { phrase: 'kindly advise', at: 'anywhere', type: 'how' },
  { phrase: 'please clarify', at: 'anywhere', type: 'which' },
  { phrase: 'can you clarify', at: 'anywhere', type: 'which' },
  { phrase: 'could you clarify', at: 'anywhere', type: 'which' },
  { phrase: 'please explain', at: 'anywhere', type: 'how' },
  { phrase: 'can you explain', at: 'anywhere', type: 'how' },
  { phrase: 'could you explain', at: 'anywhere', type: 'how' },
  { phrase: 'can you tell me', at: 'anywhere', type: 'which' },
  { phrase: 'could you tell me', at: 'anywhere', type: 'which' },
  { phrase: 'can you tell us', at: 'anywhere', type: 'which' },
  { phrase: 'could you tell us', at: 'anywhere', type: 'which' },
  { phrase: 'please tell me', at: 'anywhere', type: 'which' },
  { phrase: 'please tell us', at: 'anywhere', type: 'which' },
  { phrase: 'can you check if', at: 'anywhere', type: 'yesno' },
  { phrase: 'can you check whether', at: 'anywhere', type: 'yesno' },
  { phrase: 'could you check if', at: 'anywhere', type: 'yesno' },
  { phrase: 'could you check whether', at: 'anywhere', type: 'yesno' },
  { phrase: 'please check if', at: 'anywhere', type: 'yesno' },
  { phrase: 'please check whether', at: 'anywhere', type: 'yesno' },
  { phrase: 'i would like to know', at: 'anywhere', type: 'which' },
  { phrase: 'we would like to know', at: 'anywhere', type: 'which' },
  { phrase: 'i want to know', at: 'anywhere', type: 'which' },
  { phrase: 'we want to know', at: 'anywhere', type: 'which' },
  { phrase: 'i need to know', at: 'anywhere', type: 'which' },
  { phrase: 'we need to know', at: 'anywhere', type: 'which' },
  { phrase: 'i would like to understand', at: 'anywhere', type: 'how' },
  { phrase: 'we would like to understand', at: 'anywhere', type: 'how' },
  { phrase: 'i need to understand', at: 'anywhere', type: 'how' },
  { phrase: 'i am trying to understand', at: 'anywhere', type: 'how' },
  { phrase: 'i would love to know', at: 'anywhere', type: 'which' },
  { phrase: 'i am curious', at: 'anywhere', type: 'which' },
  { phrase: 'do you know', at: 'start', type: 'yesno' },
  { phrase: 'does anyone know', at: 'start', type: 'yesno' },
  { phrase: 'do you have any idea', at: 'start', type: 'which' },
  { phrase: 'any idea', at: 'start', type: 'which' },
  { phrase: 'any ideas', at: 'start', type: 'which' },
  { phrase: 'any thoughts', at: 'start', type: 'which' },
  { phrase: 'any suggestions', at: 'start', type: 'how' },
  { phrase: 'any advice', at: 'start', type: 'how' },
  { phrase: 'any update', at: 'anywhere', type: 'status' },
  { phrase: 'any updates', at: 'anywhere', type: 'status' },
  { phrase: 'any news', at: 'anywhere', type: 'status' },
  { phrase: 'any progress', at: 'anywhere', type: 'status' },
  { phrase: 'any word on', at: 'anywhere', type: 'status' },
  { phrase: 'any feedback', at: 'start', type: 'status' },
  { phrase: 'any eta', at: 'anywhere', type: 'when' },
  { phrase: 'any timeline', at: 'anywhere', type: 'when' },
  { phrase: 'what do you think', at: 'anywhere', type: 'which' },
  { phrase: 'what are your thoughts', at: 'anywhere', type: 'which' },
  { phrase: 'tell me what you think', at: 'anywhere', type: 'which' },
  { phrase: 'tell us what you think', at: 'anywhere', type: 'which' },
  { phrase: 'your thoughts', at: 'start', type: 'which' },
  { phrase: 'thoughts', at: 'start', type: 'which' },
  { phrase: 'keep me posted', at: 'anywhere', type: 'status' },
  { phrase: 'keep me updated', at: 'anywhere', type: 'status' },
  { phrase: 'keep me informed', at: 'anywhere', type: 'status' },
  { phrase: 'keep us posted', at: 'anywhere', type: 'status' },
  { phrase: 'keep us updated', at: 'anywhere', type: 'status' },
  { phrase: 'keep us informed', at: 'anywhere', type: 'status' },
  { phrase: 'may i ask', at: 'start', type: 'which' },
  { phrase: 'following up on', at: 'start', type: 'status' },
  { phrase: 'checking in on', at: 'start', type: 'status' },
  { phrase: 'i am following up on', at: 'start', type: 'status' },
  { phrase: 'i wanted to follow up on', at: 'start', type: 'status' },
  { phrase: 'i would like to follow up on', at: 'start', type: 'status' },
  { phrase: 'can i ask', at: 'start', type: 'which' },
];

/** The word after a frame names the answer wanted. Longest phrases first. */
export const COMPLEMENT_TYPES: readonly { phrase: string; type: QuestionType }[] = [
  { phrase: 'how much', type: 'quantity' },
  { phrase: 'how many', type: 'quantity' },
  { phrase: 'how long', type: 'when' },
  { phrase: 'how soon', type: 'when' },
  { phrase: 'how come', type: 'why' },
  { phrase: 'what time', type: 'when' },
  { phrase: 'what date', type: 'when' },
  { phrase: 'what day', type: 'when' },
  { phrase: 'by when', type: 'when' },
  { phrase: 'what is the status', type: 'status' },
  { phrase: 'what the status', type: 'status' },
  { phrase: 'the status', type: 'status' },
  { phrase: 'the progress', type: 'status' },
  { phrase: 'where we are', type: 'status' },
  { phrase: 'where things stand', type: 'status' },
  { phrase: 'where are we', type: 'status' },
  { phrase: 'where do we stand', type: 'status' },
  { phrase: 'what is the price', type: 'quantity' },
  { phrase: 'what is the cost', type: 'quantity' },
  { phrase: 'the price', type: 'quantity' },
  { phrase: 'the cost', type: 'quantity' },
  { phrase: 'the pricing', type: 'quantity' },
  { phrase: 'the eta', type: 'when' },
  { phrase: 'the timeline', type: 'when' },
  { phrase: 'the timeframe', type: 'when' },
  { phrase: 'the time frame', type: 'when' },
  { phrase: 'the expected date', type: 'when' },
  { phrase: 'once', type: 'status' },
  { phrase: 'when', type: 'when' },
  { phrase: 'whether', type: 'yesno' },
  { phrase: 'if', type: 'yesno' },
  { phrase: 'that', type: 'yesno' },
  { phrase: 'how', type: 'how' },
  { phrase: 'why', type: 'why' },
  { phrase: 'who', type: 'who' },
  { phrase: 'whom', type: 'who' },
  { phrase: 'whose', type: 'who' },
  { phrase: 'where', type: 'where' },
  { phrase: 'what', type: 'which' },
  { phrase: 'which', type: 'which' },
];

/** Status asks wherever they appear in a question: "what's the status of…", "any update". */
export const STATUS_PHRASES: readonly string[] = [
  'any update', 'any updates', 'any news', 'any progress', 'an update', 'the status',
  'status update', 'status of', 'where are we', 'where do we stand', 'where things stand',
  'how is it going with', 'how is the', 'how are things going', 'still being worked on',
  'still looking into', 'making progress', 'heard anything', 'hear anything',
];

/** Time asks inside a question that does not start with "when". */
export const WHEN_PHRASES: readonly string[] = [
  'eta', 'timeline', 'timeframe', 'time frame', 'expected date', 'release date', 'how long',
  'how soon', 'by when', 'what time', 'what date', 'which date', 'which day', 'what day',
];

export const QUANTITY_PHRASES: readonly string[] = [
  'how much', 'how many', 'what is the price', 'what is the cost', 'what does it cost',
  'what would it cost', 'what will it cost', 'cost of', 'price of', 'pricing for',
];

export const AUXILIARIES: readonly string[] = [
  'is', 'are', 'was', 'were', 'am', 'will', 'would', 'can', 'could', 'do', 'does', 'did',
  'should', 'shall', 'has', 'have', 'had', 'may', 'might', 'must', 'is not', 'are not',
  'can not', 'cannot', 'do not', 'does not', 'did not', 'will not', 'would not', 'could not',
  'should not', 'has not', 'have not', 'was not', 'were not',
];

/** Words that can follow an auxiliary in a question: "is there…", "can you…", "does the…". */
export const QUESTION_SUBJECTS: readonly string[] = [
  'you', 'we', 'i', 'it', 'this', 'that', 'there', 'they', 'he', 'she', 'the', 'my', 'our',
  'your', 'a', 'an', 'anyone', 'anybody', 'someone', 'somebody', 'these', 'those', 'any',
  'all', 'one', 'his', 'her', 'their', 'everyone', 'y', 'u',
];

export const WH_WORDS: readonly string[] = [
  'what', 'when', 'where', 'which', 'who', 'whom', 'whose', 'why', 'how',
];

/** After "can/could/would/will you": verbs that ask for information, not an action. */
export const KNOWLEDGE_VERBS: readonly string[] = [
  'tell', 'confirm', 'advise', 'explain', 'clarify', 'say', 'know', 'recommend', 'suggest',
  'think', 'see', 'remember', 'recall', 'believe', 'be', 'have', 'imagine', 'guarantee',
];

/** Verbs that open an imperative addressed to the reader ("Send me…", "Reset my…"). */
export const IMPERATIVE_VERBS: readonly string[] = [
  'send', 'resend', 'forward', 'share', 'provide', 'reset', 'enable', 'disable', 'turn',
  'activate', 'deactivate', 'check', 'verify', 'confirm', 'review', 'look', 'investigate',
  'escalate', 'fix', 'resolve', 'update', 'upgrade', 'downgrade', 'install', 'uninstall',
  'reinstall', 'restart', 'reboot', 'remove', 'delete', 'add', 'cancel', 'refund', 'credit',
  'create', 'set', 'change', 'move', 'merge', 'unlock', 'unblock', 'grant', 'give', 'assign',
  'reassign', 'approve', 'schedule', 'book', 'arrange', 'call', 'ring', 'phone', 'email',
  'e-mail', 'mail', 'text', 'contact', 'reply', 'respond', 'get', 'help', 'advise', 'explain',
  'tell', 'inform', 'notify', 'make', 'ensure', 'run', 'restore', 'recover', 'reactivate',
  'extend', 'renew', 'close', 'reopen', 'print', 'sign', 'fill', 'complete', 'submit',
  'return', 'ship', 'deliver', 'transfer', 'migrate', 'export', 'import', 'attach',
  'include', 'join', 'come', 'meet', 'bring', 'pick', 'stop', 'hold', 'put', 'pay',
  'process', 'issue', 'push', 'deploy', 'raise', 'increase', 'decrease', 'lower', 'allow',
  'whitelist', 'allowlist', 'block', 'ping', 'follow', 'double-check', 'clarify',
  'expedite', 'prioritize', 'prioritise', 'sort', 'handle', 'apply', 'accept', 'switch',
  'connect', 'configure', 'test', 'retry', 'download', 'upload', 'sync', 'revert', 'patch',
  'waive', 'void', 'mark', 'tag', 'copy', 'cc', 'loop', 'correct', 'edit', 'rename',
  'replace', 'reschedule', 'postpone', 'drop', 'remind', 'find', 'read', 'keep', 'do',
  'note', 'consider', 'visit', 'go', 'try', 'see', 'register', 'reserve', 'order',
  'invite', 'call-in', 'fax', 'write', 'start', 'open', 'delay', 'let', 'talk', 'speak',
  'select', 'choose', 'discuss', 'chat', 'page', 'think', 'answer', 'show', 'walk',
];

/** Words that can follow an imperative verb; they tell "Send me…" from "Update: …". */
export const IMPERATIVE_OBJECTS: readonly string[] = [
  'me', 'us', 'it', 'them', 'him', 'her', 'this', 'that', 'these', 'those', 'the', 'a', 'an',
  'my', 'our', 'your', 'his', 'their', 'all', 'any', 'some', 'every', 'each', 'back', 'up',
  'out', 'over', 'off', 'on', 'in', 'down', 'through', 'about', 'to', 'with', 'for', 'into',
  'someone', 'somebody', 'anyone', 'everyone', 'please', 'again', 'now', 'today', 'both',
  'sure', 'whether', 'if', 'what', 'how', 'when', 'who', 'where', 'by', 'ahead', 'at',
  'copies', 'one', 'two', 'more', 'another', 'other', 'asap', 'immediately', 'first', 'not',
  'directly', 'together', 'around', 'across',
];

/** "Let me check…" is the writer's own plan; only these make "let me/us" an ask. */
export const LET_ME_ASKS: readonly string[] = ['know', 'have', 'get', 'see the', 'see your'];

/** Asks for an outcome rather than an answer: "we need the SSO setting enabled". */
export const NEED_SUBJECTS: readonly string[] = ['i', 'we', 'i really', 'we really', 'i still', 'we still', 'i urgently', 'we urgently', 'i also', 'we also', 'i just', 'we just'];

export const NEED_VERBS: readonly string[] = [
  'need', 'require', 'would like', 'want', 'would love', 'would appreciate',
  'would very much appreciate', 'would really appreciate', 'would very much like',
];

export const NEED_OBJECTS: readonly string[] = [
  'you to', 'someone to', 'somebody to', 'the', 'a', 'an', 'access', 'help', 'assistance',
  'support', 'this', 'these', 'it', 'them', 'my', 'our', 'your', 'to get', 'to have',
  'to receive', 'to request', 'to ask', 'to schedule', 'to cancel', 'to book', 'to arrange',
  'to order', 'to upgrade', 'to downgrade', 'to change', 'to add', 'to remove', 'to report',
  'to escalate', 'to set up', 'to meet', 'to discuss', 'to invite', 'to speak', 'to talk', 'confirmation', 'an answer',
  'more information', 'more info', 'more details', 'clarification', 'someone', 'copies',
  'a copy', 'admin', 'permission', 'permissions', 'if you', 'it if you', 'your help',
  'your advice', 'your input', 'feedback', 'an update', 'an eta', 'a refund', 'a call',
];

/** Polite asks that wrap a request: "I'd appreciate it if you could…". */
export const REQUEST_PHRASES: readonly PhraseRule[] = [
  { phrase: 'would appreciate it if you', at: 'anywhere' },
  { phrase: 'would be grateful if you', at: 'anywhere' },
  { phrase: 'would be great if you', at: 'anywhere' },
  { phrase: 'would be nice if you', at: 'anywhere' },
  { phrase: 'would be helpful if you', at: 'anywhere' },
  { phrase: 'would help if you', at: 'anywhere' },
  { phrase: 'would you mind', at: 'anywhere' },
  { phrase: 'if you could', at: 'start' },
  { phrase: 'if you can', at: 'start' },
  { phrase: 'if you would', at: 'start' },
  { phrase: 'i am requesting', at: 'anywhere' },
  { phrase: 'we are requesting', at: 'anywhere' },
  { phrase: 'i request', at: 'start' },
  { phrase: 'we request', at: 'start' },
  { phrase: 'requesting', at: 'start' },
  { phrase: 'you need to', at: 'start' },
  { phrase: 'you have to', at: 'start' },
  { phrase: 'you must', at: 'start' },
  { phrase: 'can we', at: 'start' },
  { phrase: 'could we', at: 'start' },
  { phrase: 'can i get', at: 'start' },
  { phrase: 'could i get', at: 'start' },
  { phrase: 'can i have', at: 'start' },
  { phrase: 'could i have', at: 'start' },
  { phrase: 'may i have', at: 'start' },
  { phrase: 'may i get', at: 'start' },
  { phrase: 'is it possible to', at: 'start' },
  { phrase: 'would it be possible', at: 'start' },
  { phrase: 'will it be possible', at: 'start' },
  { phrase: 'how about', at: 'start' },
  { phrase: 'why do not you', at: 'start' },
  { phrase: 'why do not we', at: 'start' },
  { phrase: 'i suggest', at: 'start' },
  { phrase: 'i would suggest', at: 'start' },
  { phrase: 'i propose', at: 'start' },
  { phrase: 'do not forget to', at: 'start' },
  { phrase: 'what about', at: 'start' },
];

/** "please" followed by one of these is a courtesy or a hand-over, not an ask. */
export const PLEASE_NOT_FOLLOWED_BY: readonly string[] = [
  'find', 'note', 'see attached', 'see the attached', 'see below', 'see above', 'be advised',
  'be aware', 'be informed', 'feel free', 'do not hesitate', 'accept', 'excuse', 'forgive',
  'disregard', 'ignore', 'allow', 'bear with', 'be patient', 'keep in mind', 'enjoy',
];

/** Openers stripped before classifying: they do not change what a clause asks. */
export const LEADING_FILLERS: readonly string[] = [
  'and', 'also', 'but', 'so', 'plus', 'or', 'ok', 'okay', 'btw', 'by the way', 'additionally',
  'finally', 'lastly', 'secondly', 'first', 'firstly', 'in addition', 'then', 'well', 'just',
  'quick question', 'question', 'one more thing', 'one last thing', 'now', 'furthermore',
  'moreover', 'separately', 'on another note', 'meanwhile', 'in the meantime', 'again',
  'hi', 'hello', 'hey', 'dear', 'anyway', 'sorry', 'hmm', 'oh', 'yes', 'no', 'fyi', 'ps',
  'p.s', 're', 'q', 'however', 'therefore', 'thus', 'otherwise',
];
