/**
 * When to look at a page again. Single-page apps change their URL and content without a load, so:
 * - on every URL change (History API navigations are seen through the Navigation API where the browser has it;
 *   elsewhere — Firefox — through popstate/hashchange plus a once-a-second href comparison, since a content script
 *   cannot see the page's own pushState calls), the gate runs again;
 * - after a gate hit, a few settle re-checks while the app renders, and a re-check when the page shows something
 *   new in the cheapest places to watch: a new `<title>`, a direct child of `<body>` (dialogs and overlays are put
 *   there), or a click or form submission (a "Pay" button that turns the page into a receipt).
 *
 * What it costs the page: nothing per DOM change. The page's own text and subtree are never observed (an observer
 * on them made every text change of the page 3–6× slower, which a page could measure), nor is any text
 * (characterData); only the title element's and body's direct children are, and they rarely change.
 *
 * Bounded: ONE pending re-check at a time (a burst of triggers gives one check, on the page as it is then), and a
 * budget of checks that refills slowly ({@link WatchOptions.burst} at once, then one per
 * {@link WatchOptions.refillMs}), so a page changing its address every few milliseconds forever costs a few
 * checks a minute — and the last state is always read.
 */
export interface WatchOptions {
  /** Runs the gate (and the detection on a hit); returns whether the gate fired. */
  check: () => boolean;
  win: Window;
  doc: Document;
  /** Delay after a trigger before re-checking (lets the app render first). */
  debounceMs?: number;
  /** Re-checks after a hit on a new address, at these delays (the app may still be loading its data). */
  settleMs?: readonly number[];
  /** Checks that may run back to back. */
  burst?: number;
  /** One more check becomes available this often. */
  refillMs?: number;
  /** How often to compare the URL where there is no Navigation API. */
  pollMs?: number;
  /**
   * The page's address now (default `win.location.href`). The content script passes `document.URL`: the same text,
   * without making the `Location` object, whose first use in a script's world costs about 0.1 ms.
   */
  href?: () => string;
}

export function createWatcher(opts: WatchOptions) {
  const { win, doc } = opts;
  const debounceMs = opts.debounceMs ?? 750;
  const settleMs = opts.settleMs ?? [2000, 6000];
  const burst = opts.burst ?? 6;
  const refillMs = opts.refillMs ?? 5000;
  const current = opts.href ?? (() => win.location.href);
  let href = current();
  let stopped = false;
  let armed = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let settle: Array<ReturnType<typeof setTimeout>> = [];
  /** The address whose settle re-checks were planned. */
  let settledFor: string | undefined;
  let poll: ReturnType<typeof setInterval> | undefined;
  const observers: MutationObserver[] = [];
  let tokens = burst;
  let refilledAt = Date.now();

  function refill() {
    const now = Date.now();
    const n = Math.floor((now - refilledAt) / refillMs);
    if (n > 0) {
      tokens = Math.min(burst, tokens + n);
      refilledAt = tokens === burst ? now : refilledAt + n * refillMs;
    }
  }

  /** Plans the one pending re-check (nothing when one is already planned). */
  function schedule(delay = debounceMs) {
    if (stopped || timer !== undefined) return;
    refill();
    const wait = tokens >= 1 ? delay : Math.max(delay, refillMs - (Date.now() - refilledAt));
    timer = setTimeout(fire, wait);
  }

  function fire() {
    timer = undefined;
    refill();
    if (tokens < 1) {
      schedule(0);
      return;
    }
    tokens--;
    run();
  }

  function run() {
    if (stopped) return;
    let hit = false;
    try {
      hit = opts.check();
    } catch {
      hit = false;
    }
    if (!hit) return;
    arm();
    if (settledFor !== href) {
      settledFor = href;
      for (const ms of settleMs) settle.push(setTimeout(() => schedule(0), ms));
    }
  }

  const onSignal = () => schedule();

  /** After the first hit: watch the title, body's direct children, clicks and submissions. */
  function arm() {
    if (armed) return;
    armed = true;
    try {
      const watch = (target: Node | null | undefined, init: MutationObserverInit) => {
        if (!target) return;
        const o = new MutationObserver(onSignal);
        o.observe(target, init);
        observers.push(o);
      };
      const title = doc.querySelector('head > title, title');
      // Only the title element's children: setting `document.title` replaces its text node (a new view). No
      // subtree and no characterData observer anywhere: with either registered in a document, the browser looks up
      // the observers of every node the page changes, on every change.
      watch(title, { childList: true });
      if (!title) watch(doc.head, { childList: true });
      watch(doc.body, { childList: true });
      win.addEventListener('click', onSignal, { capture: true, passive: true });
      win.addEventListener('submit', onSignal, { capture: true, passive: true });
    } catch {
      // A broken page must never break because of us.
    }
  }

  function onUrlMaybeChanged() {
    const now = current();
    if (now === href) return;
    href = now;
    for (const t of settle) clearTimeout(t);
    settle = [];
    // Let the app render the new view first.
    schedule(debounceMs);
  }

  return {
    start() {
      run();
      const nav = (win as Window & { navigation?: EventTarget }).navigation;
      // The Navigation API's current entry changes on every same-document navigation: pushState, replaceState,
      // back and forward, a new hash. Elsewhere: the two events plus the comparison once a second.
      if (nav) nav.addEventListener('currententrychange', onUrlMaybeChanged);
      else {
        poll = setInterval(onUrlMaybeChanged, opts.pollMs ?? 1000);
        win.addEventListener('popstate', onUrlMaybeChanged);
        win.addEventListener('hashchange', onUrlMaybeChanged);
      }
    },
    stop() {
      stopped = true;
      for (const o of observers) o.disconnect();
      if (poll !== undefined) clearInterval(poll);
      if (timer !== undefined) clearTimeout(timer);
      for (const t of settle) clearTimeout(t);
      const nav = (win as Window & { navigation?: EventTarget }).navigation;
      nav?.removeEventListener('currententrychange', onUrlMaybeChanged);
      win.removeEventListener?.('popstate', onUrlMaybeChanged);
      win.removeEventListener?.('hashchange', onUrlMaybeChanged);
      win.removeEventListener?.('click', onSignal, { capture: true });
      win.removeEventListener?.('submit', onSignal, { capture: true });
    },
    /** For tests and for browsers without the Navigation API: compare the URL now. */
    poke: onUrlMaybeChanged,
  };
}
