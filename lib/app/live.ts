import { liveQuery } from 'dexie';
import { sameValue } from '../model/same';

/**
 * Live reads (issue 13, item 5; issue 15, item 5): every open view updates when the database changes, from this
 * page, another tab or the background, through Dexie's `liveQuery` (which hears changes across every extension
 * page and the worker of this origin). Each part of the data is its own query, so a write re-reads only what it
 * touched: a new charge re-reads the charges, never the subscriptions.
 */

export interface LivePart<T> {
  /** The read: Dexie calls only (liveQuery records which ranges it reads). */
  read: () => Promise<T>;
  /** Receives a value that differs from the last one (compared as data, so an unchanged re-read costs no render). */
  set: (value: T) => void;
}

export interface Follower {
  /** Resolves with the first value (or rejects with the first error). */
  first: Promise<void>;
  /** The last value given to `set` (what the view shows), so that a value the page already has is not set twice. */
  seen: (value: unknown) => void;
  stop: () => void;
}

/** Follows one part: calls `set` with its value now and after every change that alters it. */
export function follow<T>(part: LivePart<T>, onError: (error: unknown) => void): Follower {
  let last: { value: unknown } | undefined;
  let settle: { resolve: () => void; reject: (e: unknown) => void } | undefined;
  const first = new Promise<void>((resolve, reject) => {
    settle = { resolve, reject };
  });
  const subscription = liveQuery(part.read).subscribe({
    next: (value) => {
      if (!last || !sameValue(last.value, value)) {
        last = { value };
        part.set(value);
      }
      settle?.resolve();
    },
    error: (error) => {
      settle?.reject(error);
      onError(error);
    },
  });
  return {
    first,
    seen: (value) => {
      last = { value };
    },
    stop: () => subscription.unsubscribe(),
  };
}
