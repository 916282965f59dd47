// Words that make a bracket a template slot: alone ("[Name]", "[date]", "[link]") or as the
// last of up to three words ("[customer first name]", "[ticket number]"). Lower case.
// "[sic]", "[1]", "[...]" are none of these and are left alone.
export const SLOT_WORDS: readonly string[] = [
  'name', 'firstname', 'lastname', 'date', 'time', 'eta', 'day', 'deadline', 'link', 'url',
  'company', 'organization', 'organisation', 'email', 'phone', 'number', 'version', 'ticket',
  'product', 'title', 'address', 'amount', 'price', 'signature', 'agent', 'customer',
  'client', 'recipient', 'sender', 'id', 'account', 'issue', 'details', 'placeholder',
  'timezone', 'hours', 'days', 'invoice', 'reference', 'workaround', 'steps', 'tbd',
  'tba', 'todo', 'here',
];

// First words that make any bracket a slot, whatever follows: "[INSERT …]", "[add screenshot
// of error 0x80070005]".
export const SLOT_VERBS: readonly string[] = [
  'insert', 'enter', 'add', 'fill', 'replace', 'todo', 'tbd', 'tba', 'placeholder',
];

// First words that make a bracket of two to four plain words a slot: "[your name]".
export const SLOT_LEADERS: readonly string[] = ['your', 'customer', 'client', 'recipient'];

// Bracketed tags that look like slots but are real content (mail banners, subject tags).
export const NOT_SLOTS: readonly string[] = [
  'external', 'external email', 'external sender', 'action required', 'caution', 'warning',
  'spam', 'suspected spam', 'urgent', 'important', 'confidential', 'resolved', 'solved',
  'closed', 'wip', 'fyi', 'eom', 'sic', 'redacted', 'attachment', 'image', 'cid',
];
