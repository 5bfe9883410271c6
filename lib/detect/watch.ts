/**
 * When to look at a page again. Single-page apps change their URL and content without a load, so:
 * - on every URL change (History API navigations are seen through the Navigation API where the browser has it;
 *   elsewhere — Firefox — through popstate/hashchange plus a once-a-second href comparison, since a content script
 *   cannot see the page's own pushState calls), the gate runs again;
 * - after a gate hit, DOM mutations trigger a debounced re-check, at most `maxMutationChecks` times per URL,
 *   so a page that mutates forever costs a bounded amount of work.
 */
export interface WatchOptions {
  /** Runs the gate (and the detection on a hit); returns whether the gate fired. */
  check: () => boolean;
  win: Window;
  doc: Document;
  debounceMs?: number;
  maxMutationChecks?: number;
  /** How often to compare the URL where there is no Navigation API. */
  pollMs?: number;
}

export function createWatcher(opts: WatchOptions) {
  const debounceMs = opts.debounceMs ?? 750;
  const maxChecks = opts.maxMutationChecks ?? 8;
  let href = opts.win.location.href;
  let observer: MutationObserver | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let checksLeft = maxChecks;
  let stopped = false;
  let poll: ReturnType<typeof setInterval> | undefined;

  function run() {
    if (stopped) return;
    const hit = opts.check();
    if (hit) observe();
  }

  function observe() {
    if (observer || checksLeft <= 0) return;
    observer = new MutationObserver(() => {
      if (timer !== undefined) return;
      timer = setTimeout(() => {
        timer = undefined;
        if (checksLeft-- <= 0) {
          observer?.disconnect();
          return;
        }
        run();
      }, debounceMs);
    });
    observer.observe(opts.doc.documentElement, { childList: true, subtree: true, characterData: true });
  }

  function onUrlMaybeChanged() {
    const now = opts.win.location.href;
    if (now === href) return;
    href = now;
    checksLeft = maxChecks;
    observer?.disconnect();
    observer = undefined;
    // Let the app render the new view first.
    setTimeout(run, debounceMs);
  }

  return {
    start() {
      run();
      const nav = (opts.win as Window & { navigation?: EventTarget }).navigation;
      if (nav) nav.addEventListener('navigatesuccess', onUrlMaybeChanged);
      else poll = setInterval(onUrlMaybeChanged, opts.pollMs ?? 1000);
      opts.win.addEventListener('popstate', onUrlMaybeChanged);
      opts.win.addEventListener('hashchange', onUrlMaybeChanged);
    },
    stop() {
      stopped = true;
      observer?.disconnect();
      if (poll !== undefined) clearInterval(poll);
      if (timer !== undefined) clearTimeout(timer);
    },
    /** For tests and for browsers without the Navigation API: compare the URL now. */
    poke: onUrlMaybeChanged,
  };
}
