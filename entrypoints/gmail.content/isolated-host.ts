import { element } from './element.ts';

// Our UI in Gmail's page lives in an open shadow root (open: tests and automation reach into
// it), styled by its own <style> and kept apart from Gmail's: the events each piece names stop
// at its host, so Gmail's page-level listeners never take them for their own.

export interface IsolatedHostOptions {
  /** The host's tag: a <span> where it sits inline among Gmail's elements. */
  tag?: 'div' | 'span';
  /** On the host, e.g. a marker so a scan or a test can tell it from Gmail's elements. */
  attributes?: Record<string, string>;
  /** The shadow root's stylesheet; it comes first in the root, before the content. */
  style: string;
  /** Events from inside that stop at the host (stopPropagation, nothing else). */
  stopEvents: readonly string[];
}

export interface IsolatedHost {
  /** Not yet in the page: the caller puts it where it goes. */
  readonly host: HTMLElement;
  readonly shadow: ShadowRoot;
}

export function createIsolatedHost(doc: Document, options: IsolatedHostOptions): IsolatedHost {
  const host = element(doc, options.tag ?? 'div', options.attributes);
  const shadow = host.attachShadow({ mode: 'open' });
  shadow.append(element(doc, 'style', {}, options.style));
  for (const type of options.stopEvents) host.addEventListener(type, (event) => event.stopPropagation());
  return { host, shadow };
}
