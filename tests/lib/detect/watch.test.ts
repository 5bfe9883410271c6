import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createWatcher } from '../../../lib/detect/watch';

beforeEach(() => {
  vi.useFakeTimers();
  document.head.innerHTML = '<title>Konto</title>';
  document.body.innerHTML = '<main id="app"><p id="text">hei</p></main>';
  history.replaceState({}, '', '/');
});
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

/** Lets MutationObserver callbacks run, then moves the clock. */
const tick = async (ms: number) => {
  await Promise.resolve();
  await vi.advanceTimersByTimeAsync(ms);
};

describe('watcher', () => {
  it('checks once at start and watches nothing more when the gate did not fire', async () => {
    const check = vi.fn(() => false);
    const w = createWatcher({ check, win: window, doc: document, debounceMs: 100 });
    w.start();
    document.getElementById('app')!.append(document.createElement('div'));
    document.body.append(document.createElement('div'));
    document.title = 'Something else';
    document.body.click();
    await tick(30_000);
    expect(check).toHaveBeenCalledTimes(1);
    w.stop();
  });

  it('re-checks when the URL changes (single-page apps), and not when it stays the same', async () => {
    const check = vi.fn(() => false);
    const w = createWatcher({ check, win: window, doc: document, debounceMs: 100 });
    w.start();
    history.pushState({}, '', '/account/billing');
    w.poke();
    await tick(200);
    expect(check).toHaveBeenCalledTimes(2);
    w.poke(); // same URL: nothing new
    await tick(200);
    expect(check).toHaveBeenCalledTimes(2);
    w.stop();
  });

  it('with the Navigation API, follows its current entry alone: no polling, no window listeners', async () => {
    const check = vi.fn(() => false);
    const location = { href: 'https://shop.example/' };
    const navigation = new EventTarget();
    const win = { location, navigation, addEventListener: vi.fn(), removeEventListener: vi.fn() } as unknown as Window;
    const w = createWatcher({ check, win, doc: document, debounceMs: 100, pollMs: 1000 });
    w.start();
    expect(win.addEventListener).not.toHaveBeenCalled();
    location.href = 'https://shop.example/account/subscription';
    await tick(3000);
    expect(check).toHaveBeenCalledTimes(1);
    navigation.dispatchEvent(new Event('currententrychange'));
    await tick(200);
    expect(check).toHaveBeenCalledTimes(2);
    w.stop();
    location.href = 'https://shop.example/other';
    navigation.dispatchEvent(new Event('currententrychange'));
    await tick(500);
    expect(check).toHaveBeenCalledTimes(2);
  });

  it('reads the address through the given function, never touching location (the content script passes document.URL)', async () => {
    const check = vi.fn(() => false);
    let url = 'https://shop.example/';
    const navigation = new EventTarget();
    const win = {
      get location(): Location {
        throw new Error('location read');
      },
      navigation,
      addEventListener: vi.fn(),
      removeEventListener: vi.fn(),
    } as unknown as Window;
    const w = createWatcher({ check, win, doc: document, debounceMs: 100, href: () => url });
    w.start();
    expect(check).toHaveBeenCalledTimes(1);
    navigation.dispatchEvent(new Event('currententrychange'));
    await tick(300);
    expect(check).toHaveBeenCalledTimes(1);
    url = 'https://shop.example/account/subscription';
    navigation.dispatchEvent(new Event('currententrychange'));
    await tick(300);
    expect(check).toHaveBeenCalledTimes(2);
    w.stop();
  });

  it('without the Navigation API (Firefox) notices a pushState navigation by comparing the URL once a second', async () => {
    const check = vi.fn(() => false);
    const location = { href: 'https://shop.example/' };
    const win = { location, addEventListener: vi.fn(), removeEventListener: vi.fn() } as unknown as Window;
    const w = createWatcher({ check, win, doc: document, debounceMs: 100, pollMs: 1000 });
    w.start();
    expect(check).toHaveBeenCalledTimes(1);
    await tick(3000);
    expect(check).toHaveBeenCalledTimes(1);
    location.href = 'https://shop.example/account/subscription';
    await tick(1200);
    expect(check).toHaveBeenCalledTimes(2);
    w.stop();
    location.href = 'https://shop.example/other';
    await tick(3000);
    expect(check).toHaveBeenCalledTimes(2);
  });

  it('after a hit, looks again when the page shows something new: a dialog on the body, a new title, a click', async () => {
    const check = vi.fn(() => true);
    const w = createWatcher({ check, win: window, doc: document, debounceMs: 100, settleMs: [] });
    w.start();
    expect(check).toHaveBeenCalledTimes(1);
    document.body.append(document.createElement('div'));
    await tick(500);
    expect(check).toHaveBeenCalledTimes(2);
    document.title = 'Takk for bestillingen';
    await tick(500);
    expect(check).toHaveBeenCalledTimes(3);
    document.getElementById('text')!.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    await tick(500);
    expect(check).toHaveBeenCalledTimes(4);
    w.stop();
  });

  it('after a hit on a new address, looks again a few times while the app renders', async () => {
    const check = vi.fn(() => true);
    const w = createWatcher({ check, win: window, doc: document, debounceMs: 100, settleMs: [1000, 3000] });
    w.start();
    await tick(10_000);
    expect(check).toHaveBeenCalledTimes(3);
    w.stop();
  });
});

describe('what the watcher costs a page (issue 15, items 3 and 9)', () => {
  it('never observes the page’s own text or subtree: only the title’s and the body’s direct children', async () => {
    const observe = vi.spyOn(MutationObserver.prototype, 'observe');
    const check = vi.fn(() => true);
    const w = createWatcher({ check, win: window, doc: document, debounceMs: 100, settleMs: [] });
    w.start();
    expect(observe.mock.calls.map(([target]) => (target as Element).localName).sort()).toEqual(['body', 'title']);
    for (const [target, init] of observe.mock.calls) {
      expect(init?.subtree ?? false, String((target as Element).localName)).toBe(false);
      expect(init?.characterData ?? false).toBe(false);
    }
    // The page changing its own text, deep in the tree, wakes nothing.
    const text = document.getElementById('text')!;
    for (let i = 0; i < 1000; i++) {
      text.firstChild!.nodeValue = `tekst ${i}`;
      document.getElementById('app')!.append(document.createElement('span'));
      await Promise.resolve();
    }
    await tick(60_000);
    expect(check).toHaveBeenCalledTimes(1);
    w.stop();
  });

  it('keeps one pending re-check: a burst of triggers gives one check', async () => {
    const check = vi.fn(() => true);
    const w = createWatcher({ check, win: window, doc: document, debounceMs: 500, settleMs: [] });
    w.start();
    for (let i = 0; i < 200; i++) {
      document.body.append(document.createElement('div'));
      document.title = `Tittel ${i}`;
      document.body.dispatchEvent(new MouseEvent('click', { bubbles: true }));
      await Promise.resolve();
    }
    await tick(2000);
    expect(check).toHaveBeenCalledTimes(2);
    w.stop();
  });

  it('a pushState every 20 ms for 20 s gives a bounded number of checks, the last address included', async () => {
    const seen: string[] = [];
    const check = vi.fn(() => {
      seen.push(location.pathname);
      return true;
    });
    const w = createWatcher({ check, win: window, doc: document });
    w.start();
    for (let i = 0; i < 1000; i++) {
      history.pushState({}, '', `/account/${i}`);
      w.poke();
      await vi.advanceTimersByTimeAsync(20);
    }
    await tick(60_000);
    // About one per 5 s after a small burst: far from one per navigation, and the page as it ended is read.
    expect(seen.length).toBeLessThanOrEqual(16);
    expect(seen.length).toBeGreaterThan(2);
    expect(seen.at(-1)).toBe('/account/999');
    w.stop();
  });

  it('a hash change every 50 ms does the same', async () => {
    const check = vi.fn(() => true);
    const w = createWatcher({ check, win: window, doc: document });
    w.start();
    for (let i = 0; i < 400; i++) {
      location.hash = `#${i}`;
      window.dispatchEvent(new HashChangeEvent('hashchange'));
      await vi.advanceTimersByTimeAsync(50);
    }
    await tick(60_000);
    expect(check.mock.calls.length).toBeLessThanOrEqual(16);
    w.stop();
  });
});
