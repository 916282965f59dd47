import type { Rule } from './rule.ts';

function domainOf(address: string): string | null {
  const at = address.lastIndexOf('@');
  if (at < 0) return null;
  return address.slice(at + 1).trim().replace(/>$/, '').toLowerCase() || null;
}

/** The bare address inside "Name <a@b.c>" or the string itself. */
function bareAddress(recipient: string): string {
  const angle = /<([^<>\s]+@[^<>\s]+)>/.exec(recipient);
  return (angle?.[1] ?? recipient).trim().toLowerCase();
}

export const ccAccountOwner: Rule = {
  meta: {
    id: 'cc-account-owner',
    title: 'The account owner is copied',
    defaultSeverity: 'warning',
    source: 'Customer correspondence 101: support keeps the customer’s sales consultant in every conversation.',
  },
  check({ thread }) {
    // Without recipients (the CLI, or a compose we could not read) there is nothing to judge.
    if (!thread.recipients || !thread.customerAddress || !thread.directory) return [];
    const domain = domainOf(thread.customerAddress);
    if (!domain) return [];
    const entry = thread.directory.find(
      (e) => e.domain === domain || domain.endsWith(`.${e.domain}`),
    );
    const owner = entry?.accountOwner;
    if (!entry || !owner) return [];
    const copied = [...thread.recipients.to, ...thread.recipients.cc].map(bareAddress);
    if (copied.includes(owner.email.toLowerCase())) return [];
    return [
      {
        message: `${owner.name} (${owner.email}) owns the ${entry.name} account and is not on To or Cc.`,
        suggestions: [{ action: `add-cc:${owner.email}`, label: `Cc ${owner.name}` }],
      },
    ];
  },
};
