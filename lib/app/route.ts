/** The dashboard's views, addressed by the URL hash so links and notifications can open them. */
export type Route =
  | { view: 'overview' }
  | { view: 'subscriptions' }
  | { view: 'subscription'; id: string }
  | { view: 'add' }
  | { view: 'edit'; id: string }
  | { view: 'calendar' }
  | { view: 'charts' }
  | { view: 'household' }
  | { view: 'data' }
  | { view: 'settings' };

export const NAV: ReadonlyArray<Route['view']> = [
  'overview',
  'subscriptions',
  'calendar',
  'charts',
  'household',
  'data',
  'settings',
];

export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').map(decodeURIComponent);
  const [view, id] = parts;
  switch (view) {
    case 'subscriptions':
    case 'calendar':
    case 'charts':
    case 'household':
    case 'data':
    case 'settings':
    case 'add':
      return { view };
    case 'subscription':
    case 'edit':
      return id ? { view, id } : { view: 'subscriptions' };
    default:
      return { view: 'overview' };
  }
}

export function routeHash(r: Route): string {
  return 'id' in r ? `#/${r.view}/${encodeURIComponent(r.id)}` : `#/${r.view}`;
}
