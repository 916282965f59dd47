import { describe, expect, it } from 'vitest';
import { parseMessage } from '../../lib/text/text-model.ts';
import type { SegmentKind, TextModel } from '../../lib/types.ts';

type Part = [SegmentKind, string];

const partsOf = (model: TextModel): Part[] =>
  model.segments.map((s) => [s.kind, model.text.slice(s.start, s.end)]);

const repliesOf = (model: TextModel): [string, string][] =>
  model.inlineReplies.map((r) => [
    model.text.slice(r.quoted.start, r.quoted.end),
    model.text.slice(r.reply.start, r.reply.end),
  ]);

const GMAIL_BLOCKQUOTE = 'class="gmail_quote" style="margin:0px 0px 0px 0.8ex;border-left:1px solid rgb(204,204,204);padding-left:1ex"';

const cases: { name: string; input: string; parts: Part[]; replies?: [string, string][] }[] = [
  {
    name: 'Gmail top-posted reply: new text, gmail_attr header, quoted history',
    input:
      '<div dir="ltr"><div>Hi Jane,</div><div><br></div><div>The fix is live. Please retry the export.</div>' +
      '<div><br></div><div>Thanks,</div><div>Bob</div></div><br>' +
      '<div class="gmail_quote"><div dir="ltr" class="gmail_attr">On Mon, Jan 1, 2024 at 10:00 AM Jane Doe &lt;' +
      '<a href="mailto:jane@x.com">jane@x.com</a>&gt; wrote:<br></div>' +
      `<blockquote ${GMAIL_BLOCKQUOTE}><div dir="ltr">Can you check why the export fails?</div></blockquote></div>`,
    parts: [
      ['new', 'Hi Jane,\n\nThe fix is live. Please retry the export.\n\nThanks,\nBob'],
      ['quote-header', 'On Mon, Jan 1, 2024 at 10:00 AM Jane Doe <jane@x.com> wrote:'],
      ['quoted', 'Can you check why the export fails?'],
    ],
    replies: [],
  },
  {
    name: 'Gmail reply with a signature ("-- " line then div.gmail_signature)',
    input:
      '<div dir="ltr"><div>Hi Jane,</div><div><br></div><div>I will send the logs by 3 pm.</div>' +
      '<div><br></div><div>Best,</div><div>Bob</div><div><br></div>-- <br>' +
      '<div dir="ltr" class="gmail_signature" data-smartmail="gmail_signature"><div dir="ltr">' +
      '<div>Bob Smith</div><div>Support Engineer | ACME</div></div></div></div><br>' +
      '<div class="gmail_quote"><div dir="ltr" class="gmail_attr">On Tue, Jan 2, 2024 at 9:15 AM Jane Doe &lt;jane@x.com&gt; wrote:<br></div>' +
      `<blockquote ${GMAIL_BLOCKQUOTE}><div>Any news?</div></blockquote></div>`,
    parts: [
      ['new', 'Hi Jane,\n\nI will send the logs by 3 pm.\n\nBest,\nBob'],
      ['signature', '--\nBob Smith\nSupport Engineer | ACME'],
      ['quote-header', 'On Tue, Jan 2, 2024 at 9:15 AM Jane Doe <jane@x.com> wrote:'],
      ['quoted', 'Any news?'],
    ],
  },
  {
    name: 'signature marked only by data-smartmail',
    input: '<div>Done.</div><div data-smartmail="gmail_signature">Bob | ACME</div>',
    parts: [
      ['new', 'Done.'],
      ['signature', 'Bob | ACME'],
    ],
  },
  {
    name: 'Outlook on the web signature div',
    input: '<div>On it.</div><div id="Signature"><div>Bob | ACME</div></div>',
    parts: [
      ['new', 'On it.'],
      ['signature', 'Bob | ACME'],
    ],
  },
  {
    name: 'Gmail inline reply: the quote split twice with answers typed between',
    input:
      '<div dir="ltr">Hi Jane, answers inline below.</div><br>' +
      '<div class="gmail_quote"><div dir="ltr" class="gmail_attr">On Wed, Jan 3, 2024 at 4:02 PM Jane Doe &lt;jane@x.com&gt; wrote:<br></div>' +
      `<blockquote ${GMAIL_BLOCKQUOTE}><div dir="ltr"><div>When will the fix ship?</div></div></blockquote>` +
      '<div><font color="#0b5394">It ships on Friday.</font></div><div><br></div>' +
      `<blockquote ${GMAIL_BLOCKQUOTE}><div dir="ltr"><div>Do we need to restart the server?</div></div></blockquote>` +
      '<div><font color="#0b5394">No restart is needed.</font></div></div>',
    parts: [
      ['new', 'Hi Jane, answers inline below.'],
      ['quote-header', 'On Wed, Jan 3, 2024 at 4:02 PM Jane Doe <jane@x.com> wrote:'],
      ['quoted', 'When will the fix ship?'],
      ['new', 'It ships on Friday.'],
      ['quoted', 'Do we need to restart the server?'],
      ['new', 'No restart is needed.'],
    ],
    replies: [
      ['When will the fix ship?', 'It ships on Friday.'],
      ['Do we need to restart the server?', 'No restart is needed.'],
    ],
  },
  {
    name: 'Outlook reply: #appendonsend, then the #divRplyFwdMsg header, then history',
    input:
      '<div style="font-family:Calibri,Arial;font-size:12pt;color:rgb(0,0,0)">Hi Jane, the patch is attached.</div>' +
      '<div id="appendonsend"></div><hr style="display:inline-block;width:98%" tabindex="-1">' +
      '<div id="divRplyFwdMsg" dir="ltr"><font face="Calibri, sans-serif" style="font-size:11pt" color="#000000">' +
      '<b>From:</b> Jane Doe &lt;jane@x.com&gt;<br><b>Sent:</b> Monday, January 1, 2024 10:00 AM<br>' +
      '<b>To:</b> Support &lt;support@acme.com&gt;<br><b>Subject:</b> Export fails</font><div>&nbsp;</div></div>' +
      '<div dir="ltr"><div>Can you send a patch?</div><div>Jane</div></div>',
    parts: [
      ['new', 'Hi Jane, the patch is attached.'],
      ['quote-header', 'From: Jane Doe <jane@x.com>\nSent: Monday, January 1, 2024 10:00 AM\nTo: Support <support@acme.com>\nSubject: Export fails'],
      ['quoted', 'Can you send a patch?\nJane'],
    ],
    replies: [],
  },
  {
    name: 'Outlook desktop reply with no ids: the From/Sent block in paragraphs',
    input:
      '<p class="MsoNormal">Fixed, thanks.<o:p></o:p></p><p class="MsoNormal"><o:p>&nbsp;</o:p></p>' +
      '<div style="border:none;border-top:solid #E1E1E1 1.0pt;padding:3.0pt 0in 0in 0in">' +
      '<p class="MsoNormal"><b>From:</b> Jane Doe &lt;jane@x.com&gt;<br><b>Sent:</b> Monday, January 1, 2024 10:00 AM<br>' +
      '<b>Subject:</b> Bug</p></div><p class="MsoNormal">It crashes.</p>',
    parts: [
      ['new', 'Fixed, thanks.'],
      ['quote-header', 'From: Jane Doe <jane@x.com>\nSent: Monday, January 1, 2024 10:00 AM\nSubject: Bug'],
      ['quoted', 'It crashes.'],
    ],
  },
  {
    name: 'Gmail forward: banner and fields are the header, the forwarded body is quoted',
    input:
      '<div dir="ltr">FYI, see below.<br><br><div class="gmail_quote"><div dir="ltr" class="gmail_attr">' +
      '---------- Forwarded message ---------<br>From: <strong class="gmail_sendername" dir="auto">Jane Doe</strong> ' +
      '<span dir="auto">&lt;<a href="mailto:jane@x.com">jane@x.com</a>&gt;</span><br>Date: Mon, Jan 1, 2024 at 10:00 AM<br>' +
      'Subject: Export fails<br>To: &lt;<a href="mailto:support@acme.com">support@acme.com</a>&gt;<br></div><br><br>' +
      '<div dir="ltr">The export fails with error 500. Can you help?</div></div></div>',
    parts: [
      ['new', 'FYI, see below.'],
      ['quote-header', '---------- Forwarded message ---------\nFrom: Jane Doe <jane@x.com>\nDate: Mon, Jan 1, 2024 at 10:00 AM\nSubject: Export fails\nTo: <support@acme.com>'],
      ['quoted', 'The export fails with error 500. Can you help?'],
    ],
    replies: [],
  },
  {
    name: 'forward banner in HTML without Gmail classes',
    input: '<div>See below</div><div>---------- Forwarded message ---------</div><div>From: Jane</div><div>Date: today</div><div><br></div><div>Body</div>',
    parts: [
      ['new', 'See below'],
      ['quote-header', '---------- Forwarded message ---------\nFrom: Jane\nDate: today'],
      ['quoted', 'Body'],
    ],
  },
  {
    name: 'Apple Mail / Thunderbird: attribution line before blockquote type=cite',
    input:
      '<div>Sure.</div><div class="moz-cite-prefix">On 1/1/24 10:00, Jane wrote:<br></div>' +
      '<blockquote type="cite"><div>Can we talk?</div></blockquote><pre class="moz-signature">-- \nBob</pre>',
    parts: [
      ['new', 'Sure.'],
      ['quote-header', 'On 1/1/24 10:00, Jane wrote:'],
      ['quoted', 'Can we talk?'],
      ['signature', '-- \nBob'],
    ],
  },
  {
    name: 'plain text: > quoting at any depth under an attribution',
    input: 'Yes, that works.\n\nOn Mon, Jan 1, 2024 at 10:00 AM Jane <jane@x.com> wrote:\n> Does Friday work?\n>\n>> earlier\n> > deeper\n',
    parts: [
      ['new', 'Yes, that works.'],
      ['quote-header', 'On Mon, Jan 1, 2024 at 10:00 AM Jane <jane@x.com> wrote:'],
      ['quoted', '> Does Friday work?\n>\n>> earlier\n> > deeper'],
    ],
    replies: [],
  },
  {
    name: 'plain text: attribution wrapped over two lines',
    input: 'Thanks!\n\nOn Mon, Jan 1, 2024 at 10:00 AM Jane Doe <\njane.doe@example.com> wrote:\n\n> Hello\r\n',
    parts: [
      ['new', 'Thanks!'],
      ['quote-header', 'On Mon, Jan 1, 2024 at 10:00 AM Jane Doe <\njane.doe@example.com> wrote:'],
      ['quoted', '> Hello'],
    ],
  },
  {
    name: 'plain text: "-- " starts the signature up to the quote; a sign-off stays new',
    input: 'Hi Jane,\n\nDone.\n\nThanks,\nBob\n-- \nBob Smith\nACME Support\n\nOn Mon, Jan 1, 2024, Jane <j@x.com> wrote:\n> Is it done?',
    parts: [
      ['new', 'Hi Jane,\n\nDone.\n\nThanks,\nBob'],
      ['signature', '-- \nBob Smith\nACME Support'],
      ['quote-header', 'On Mon, Jan 1, 2024, Jane <j@x.com> wrote:'],
      ['quoted', '> Is it done?'],
    ],
  },
  {
    name: 'plain text: bare "--" also starts a signature',
    input: 'Ok\n--\nBob',
    parts: [
      ['new', 'Ok'],
      ['signature', '--\nBob'],
    ],
  },
  {
    name: 'plain text: Outlook original message block',
    input: 'Thanks,\nJane\n\n-----Original Message-----\nFrom: Bob\nSent: Monday, January 1, 2024 10:00 AM\nTo: Jane\nSubject: Status\n\nWhere are we?',
    parts: [
      ['new', 'Thanks,\nJane'],
      ['quote-header', '-----Original Message-----\nFrom: Bob\nSent: Monday, January 1, 2024 10:00 AM\nTo: Jane\nSubject: Status'],
      ['quoted', 'Where are we?'],
    ],
  },
  {
    name: 'plain text: From/Sent block without a banner, under an underscore rule',
    input: 'See attached.\n\n________________________________\nFrom: Jane <j@x.com>\nSent: Monday\nTo: Bob\n\nOld text\nmore old text',
    parts: [
      ['new', 'See attached.'],
      ['quote-header', '________________________________\nFrom: Jane <j@x.com>\nSent: Monday\nTo: Bob'],
      ['quoted', 'Old text\nmore old text'],
    ],
  },
  {
    name: 'plain text: interleaved answers under > questions',
    input:
      'On Mon, Jan 1, 2024 at 10:00 AM Jane <jane@x.com> wrote:\n> When does it ship?\n\nFriday.\n\n> Do I restart?\n\nNo, not needed.\n\nThanks,\nBob',
    parts: [
      ['quote-header', 'On Mon, Jan 1, 2024 at 10:00 AM Jane <jane@x.com> wrote:'],
      ['quoted', '> When does it ship?'],
      ['new', 'Friday.'],
      ['quoted', '> Do I restart?'],
      ['new', 'No, not needed.\n\nThanks,\nBob'],
    ],
    replies: [
      ['> When does it ship?', 'Friday.'],
      ['> Do I restart?', 'No, not needed.\n\nThanks,\nBob'],
    ],
  },
  {
    name: 'plain text: bottom-posting under a single quote is not an inline reply',
    input: '> Can you help?\n\nYes.',
    parts: [
      ['quoted', '> Can you help?'],
      ['new', 'Yes.'],
    ],
    replies: [],
  },
  {
    name: 'plain text: phrases that merely look like markers stay new',
    input: 'On that note, here is what I wrote:\nFrom: the team\nTo: everyone\n-- not a delimiter',
    parts: [['new', 'On that note, here is what I wrote:\nFrom: the team\nTo: everyone\n-- not a delimiter']],
  },
  {
    name: 'plain text: a phone footer is a signature',
    input: 'Will do.\n\nSent from my iPhone',
    parts: [
      ['new', 'Will do.'],
      ['signature', 'Sent from my iPhone'],
    ],
  },
];

describe('segments of reply bodies', () => {
  for (const c of cases) {
    it(c.name, () => {
      const model = parseMessage(c.input);
      expect(partsOf(model)).toEqual(c.parts);
      if (c.replies) expect(repliesOf(model)).toEqual(c.replies);
    });
  }

  it('Gmail nested history (replies within replies) has no inline replies', () => {
    const attr = (d: string) => `<div class="gmail_attr">On ${d}, 2024 at 10:00 AM Jane &lt;j@x.com&gt; wrote:<br></div>`;
    const html =
      '<div>Latest</div><div class="gmail_quote">' + attr('Jan 3') + `<blockquote ${GMAIL_BLOCKQUOTE}><div>Second</div><br>` +
      '<div class="gmail_quote">' + attr('Jan 2') + `<blockquote ${GMAIL_BLOCKQUOTE}><div>First</div></blockquote></div>` +
      '</blockquote></div>';
    const model = parseMessage(html);
    expect(partsOf(model).map(([kind]) => kind)).toEqual(['new', 'quote-header', 'quoted', 'quote-header', 'quoted']);
    expect(model.inlineReplies).toEqual([]);
  });

  it('text typed inside a quoted blockquote stays quoted; only text outside it is new', () => {
    const html = `<div class="gmail_quote"><blockquote ${GMAIL_BLOCKQUOTE}><div>Q?</div><blockquote><div>older</div></blockquote><div>still quoted</div></blockquote><div>answer</div></div>`;
    expect(partsOf(parseMessage(html))).toEqual([
      ['quoted', 'Q?\nolder\nstill quoted'],
      ['new', 'answer'],
    ]);
  });

  it('a forwarded message inside quoted history stays quoted', () => {
    const html =
      '<div>Top</div><div class="gmail_quote"><div class="gmail_attr">---------- Forwarded message ---------<br>From: A</div>' +
      '<div>fwd body</div><div class="gmail_quote"><blockquote><div>inner</div></blockquote><div>after inner</div></div></div>';
    expect(partsOf(parseMessage(html))).toEqual([
      ['new', 'Top'],
      ['quote-header', '---------- Forwarded message ---------\nFrom: A'],
      ['quoted', 'fwd body\ninner\nafter inner'],
    ]);
  });

  it('empty and blank input give no segments', () => {
    expect(parseMessage('').segments).toEqual([]);
    expect(parseMessage('  \n\t ').segments).toEqual([]);
    expect(parseMessage('<div><br></div><div>&nbsp;</div>').segments).toEqual([]);
  });
});
