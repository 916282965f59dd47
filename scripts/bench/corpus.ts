// Inputs for the speed benchmark, written for this project: a typical support exchange,
// a small one, a huge one built from the typical paragraphs, and adversarial text that
// punishes backtracking and quadratic scans.

const CUSTOMER_PARAGRAPHS = [
  'Hi team, since we upgraded the on-prem server to 4.2.1 last Tuesday our nightly export job fails with a timeout after about forty minutes. The logs show repeated connection resets from the storage node, and the job used to finish in twenty minutes on 4.1.',
  'We rolled back one of the two nodes to see whether it made a difference, and the rolled-back node completes the export fine. Our change window closes on Friday, so we need to decide soon whether to roll back the other node as well.',
  'Can you confirm whether this is a known issue in 4.2.1? Is there a patch or a configuration setting that restores the old behaviour? Could you also tell us when the next maintenance release is planned?',
  'Please send us the steps to collect a diagnostic bundle from the storage node, since the one in the admin guide refers to a menu we no longer see. I was wondering whether the export can be split into smaller batches as a workaround.',
  'Our finance team also asked me to check the invoice for October, which lists twelve seats although we only have ten active users. Any update on the SSO request from last month would be welcome too.',
  'Thanks for your help, and let me know if you need anything else from our side. Best regards, Dana Whitfield, Infrastructure Lead',
];

const DRAFT_PARAGRAPHS = [
  'Hi Dana, quick status: we have reproduced the export timeout on 4.2.1 in our lab and confirmed it is a known issue with the new connection pool defaults.',
  'Yes, it is a known issue, and a patch is planned for the 4.2.2 maintenance release. Until then, setting the pool size back to 8 in the storage settings restores the 4.1 behaviour; I have attached the exact steps.',
  'The 4.2.2 release is scheduled for December 3. To collect a diagnostic bundle, open Settings, then Support, then Download bundle; the admin guide will be corrected this week.',
  'Splitting the export into batches works as a workaround as well. I have asked our billing team to correct the October invoice to ten seats, and I will confirm the corrected amount by 3 pm ET Thursday.',
  'Next steps: I will send you the patched build for testing as soon as it passes QA, and our SSO specialist will contact you about the SSO request by end of day Friday. You will hear from me by Thursday at 3 pm ET either way.',
  'Best regards, Sam',
];

export const typical = {
  customer: CUSTOMER_PARAGRAPHS.join('\n\n'),
  draft: DRAFT_PARAGRAPHS.join('\n\n'),
};

export const small = {
  customer: 'Hi, can you reset my password? Thanks!',
  draft: 'Hi Jo, I have reset your password; you will get an email within the hour. Next, sign in and pick a new one. Best, Sam',
};

function repeatTo(paragraphs: string[], words: number): string {
  const out: string[] = [];
  let count = 0;
  for (let i = 0; count < words; i += 1) {
    const paragraph = paragraphs[i % paragraphs.length] ?? '';
    out.push(paragraph);
    count += paragraph.split(/\s+/).length;
  }
  return out.join('\n\n');
}

export const huge = {
  customer: repeatTo(CUSTOMER_PARAGRAPHS, 20_000),
  draft: repeatTo(DRAFT_PARAGRAPHS, 20_000),
};

const ADVERSARIAL_BYTES = 200 * 1024;

function fill(unit: string): string {
  return unit.repeat(Math.ceil(ADVERSARIAL_BYTES / unit.length)).slice(0, ADVERSARIAL_BYTES);
}

/** 200 KB each: runs of ?, ., spaces, nested tags, digits and colons, brackets. */
export const adversarial = {
  customer: fill('?') + fill('. ') + fill(' '),
  draft:
    fill('<div><span style="color:red">') +
    fill('1:2/3.4 by by EOD ') +
    fill('[[{{<<') +
    fill('Dr. ') +
    fill('!?'),
};

/** Gmail-style HTML for the typical draft: one div per line, a quote, a signature. */
export const typicalHtml = {
  customer: typical.customer,
  draft:
    DRAFT_PARAGRAPHS.map((p) => `<div>${p}</div><div><br></div>`).join('') +
    '<div class="gmail_signature">Sam Lee | Support Engineer</div>' +
    `<div class="gmail_quote"><div class="gmail_attr">On Mon, Nov 16, 2026 at 9:12 AM Dana Whitfield &lt;dana@example.com&gt; wrote:<br></div><blockquote class="gmail_quote">${CUSTOMER_PARAGRAPHS.map((p) => `<div>${p}</div>`).join('')}</blockquote></div>`,
};

/**
 * The typical draft as it changes while someone types: each version differs from the one
 * before it by one word (the customer's message stays as it is).
 */
export function typicalTypingDrafts(count: number): string[] {
  const words = typical.draft.split(' ');
  const edits = ['quickly', 'today', 'again', 'fully', 'also'];
  const out: string[] = [];
  for (let i = 0; i < count; i += 1) {
    const at = (i * 7) % words.length;
    const edited = [...words];
    edited[at] = edits[i % edits.length] ?? 'also';
    out.push(edited.join(' '));
  }
  return out;
}
