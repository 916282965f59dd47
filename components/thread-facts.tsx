import type { PanelThread } from '../lib/schemas/panel.ts';
import { formatInstant } from './format-time.ts';

// What the thread's history says: how long it is, who wrote last and what we promised before.

export function ThreadFacts({ thread }: { thread: PanelThread }) {
  return (
    <section className="card" aria-labelledby="facts-heading">
      <h2 id="facts-heading">Thread</h2>
      <dl className="facts">
        <dt>Messages</dt>
        <dd>{thread.messageCount}</dd>
        <dt>Customer wrote</dt>
        <dd>{thread.lastCustomerAt ? <time dateTime={thread.lastCustomerAt}>{formatInstant(thread.lastCustomerAt)}</time> : 'Unknown'}</dd>
        <dt>Our last reply</dt>
        <dd>{thread.ourLastReplyAt ? <time dateTime={thread.ourLastReplyAt}>{formatInstant(thread.ourLastReplyAt)}</time> : 'Not yet'}</dd>
      </dl>
      <h3>Earlier ETAs</h3>
      {thread.earlierEtas.length === 0 ? (
        <p className="muted">None given on this thread.</p>
      ) : (
        <ul className="earlier-etas">
          {thread.earlierEtas.map((eta, index) => (
            <li key={`${eta.due}-${index}`}>
              <time dateTime={eta.due}>{formatInstant(eta.due)}</time>: <q>{eta.text}</q>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
