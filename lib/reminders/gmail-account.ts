// Which Gmail account a reminder's thread lives in. A thread id means something only inside
// its own account, and a user signed in to two accounts has /mail/u/0/ and /mail/u/1/ open
// side by side, so a reminder keeps the account's address to open the thread there.

/** A validated account address, e.g. `https://mail.google.com/mail/u/1/`. */
export const GMAIL_ACCOUNT_PATTERN = /^https:\/\/mail\.google\.com\/mail\/u\/\d{1,2}\/$/;

const ACCOUNT_PREFIX = /^https:\/\/mail\.google\.com\/mail\/u\/(\d{1,2})\//;

/** The account address of a Gmail page (`…/mail/u/1/#inbox/…` → `…/mail/u/1/`), or null for any other address. */
export function gmailAccountOf(url: unknown): string | null {
  if (typeof url !== 'string') return null;
  const match = ACCOUNT_PREFIX.exec(url);
  return match ? `https://mail.google.com/mail/u/${Number(match[1])}/` : null;
}
