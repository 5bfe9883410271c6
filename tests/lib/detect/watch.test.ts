import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createWatcher } from '../../../lib/detect/watch';

beforeEach(() => {
  vi.useFakeTimers();
  document.body.innerHTML = '<main id="app"></main>';
});
afterEach(() => {
  vi.useRealTimers();
});

const mutate = async (n: number) => {
  for (let i = 0; i < n; i++) {
    document.getElementById('app')!.append(document.createElement('div'));
    await Promise.resolve(); // let MutationObserver callbacks run
    await vi.advanceTimersByTimeAsync(1000);
  }
};

describe('watcher', () => {
  it('checks once at start and does not watch mutations when the gate did not fire', async () => {
    const check = vi.fn(() => false);
    createWatcher({ check, win: window, doc: document, debounceMs: 100 }).start();
    await mutate(5);
    expect(check).toHaveBeenCalledTimes(1);
  });

  it('re-checks after a gate hit on debounced mutations, at most a bounded number of times', async () => {
    const check = vi.fn(() => true);
    const w = createWatcher({ check, win: window, doc: document, debounceMs: 100, maxMutationChecks: 3 });
    w.start();
    await mutate(20);
    expect(check).toHaveBeenCalledTimes(1 + 3);
    w.stop();
  });

  it('re-checks when the URL changes (single-page apps) and resets the budget', async () => {
    const check = vi.fn(() => false);
    const w = createWatcher({ check, win: window, doc: document, debounceMs: 100 });
    w.start();
    history.pushState({}, '', '/account/billing');
    w.poke();
    await vi.advanceTimersByTimeAsync(200);
    expect(check).toHaveBeenCalledTimes(2);
    w.poke(); // same URL: nothing new
    await vi.advanceTimersByTimeAsync(200);
    expect(check).toHaveBeenCalledTimes(2);
    w.stop();
  });

  it('without the Navigation API (Firefox) notices a pushState navigation by comparing the URL once a second', async () => {
    const check = vi.fn(() => false);
    const location = { href: 'https://shop.example/' };
    const win = { location, addEventListener: vi.fn() } as unknown as Window;
    const w = createWatcher({ check, win, doc: document, debounceMs: 100, pollMs: 1000 });
    w.start();
    expect(check).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(3000);
    expect(check).toHaveBeenCalledTimes(1);
    location.href = 'https://shop.example/account/subscription';
    await vi.advanceTimersByTimeAsync(1200);
    expect(check).toHaveBeenCalledTimes(2);
    w.stop();
    location.href = 'https://shop.example/other';
    await vi.advanceTimersByTimeAsync(3000);
    expect(check).toHaveBeenCalledTimes(2);
  });
});
