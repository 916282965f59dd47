import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach } from 'vitest';

// Component tests render into happy-dom's document through React's act(), so effects and
// state updates have settled before a test looks at the page.

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

export interface ReactView {
  /** The element the root renders into, attached to the document. */
  readonly container: HTMLElement;
  readonly root: Root;
}

/**
 * A fresh React root for every test of the calling file, unmounted and removed after it.
 * Call it at the top level of a test file (it registers beforeEach / afterEach hooks).
 */
export function reactRootPerTest(): ReactView {
  let container: HTMLElement | null = null;
  let root: Root | null = null;
  beforeEach(() => {
    container = document.createElement('div');
    document.body.append(container);
    root = createRoot(container);
  });
  afterEach(() => {
    const mounted = root;
    if (mounted) act(() => mounted.unmount());
    container?.remove();
    container = null;
    root = null;
  });
  const live = <T,>(value: T | null, name: string): T => {
    if (value === null) throw new Error(`${name} exists only while a test runs`);
    return value;
  };
  return {
    get container() {
      return live(container, 'container');
    },
    get root() {
      return live(root, 'root');
    },
  };
}
