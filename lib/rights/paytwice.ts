import { BUNDLES, type Bundle } from '../directory/bundles';
import type { Subscription } from '../model';
import { forHost } from '../trust/site';

/**
 * Before you pay twice (issue 14 item 7): the sign-up page of a service the user already has — tracked, or included
 * in a bundle they have (lib/directory/bundles.json). Only the background and the popup learn it: the page that asked
 * is never told (lib/messages, entrypoints/background).
 */
export type AlreadyHave =
  | { via: 'tracked'; subscription: Subscription }
  | { via: 'bundle'; subscription: Subscription; bundle: Bundle };

/** Subscriptions the user has now: running, on trial or paused (a paused one is theirs to resume). */
function held(subs: readonly Subscription[]): Subscription[] {
  return subs.filter((s) => s.status === 'active' || s.status === 'trial' || s.status === 'paused');
}

export function alreadyHave(
  subs: readonly Subscription[],
  page: { serviceId?: string; domain?: string; hostname: string },
  bundles: readonly Bundle[] = BUNDLES,
): AlreadyHave | undefined {
  const mine = held(subs);
  const tracked =
    (page.serviceId ? mine.find((s) => s.serviceId === page.serviceId) : undefined) ??
    (page.domain ? forHost(mine, page.domain) : undefined) ??
    forHost(mine, page.hostname);
  if (tracked) return { via: 'tracked', subscription: tracked };
  if (!page.serviceId) return undefined;
  for (const bundle of bundles) {
    if (!bundle.includes.includes(page.serviceId)) continue;
    const h = bundle.holder;
    const holder = mine.find((s) =>
      'serviceId' in h
        ? s.serviceId === h.serviceId
        : h.names.some((n) => s.service.toLowerCase().includes(n.toLowerCase())),
    );
    if (holder) return { via: 'bundle', subscription: holder, bundle };
  }
  return undefined;
}
