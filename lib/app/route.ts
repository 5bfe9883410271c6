/** The dashboard's views, addressed by the URL hash so links and notifications can open them. */
export type Route =
  | { view: 'overview' }
  | { view: 'subscriptions' }
  | { view: 'subscription'; id: string }
  | { view: 'add' }
  | { view: 'edit'; id: string }
  | { view: 'calendar' }
  | { view: 'reminders' }
  | { view: 'charts' }
  | { view: 'household' }
  | { view: 'data'; section?: DataSection }
  | { view: 'settings' };

/** Parts of the import & export view a link can lead to (`#/data/statement`). */
export const DATA_SECTIONS = ['statement', 'mail', 'backup', 'csv'] as const;
export type DataSection = (typeof DATA_SECTIONS)[number];

export const NAV: ReadonlyArray<Route['view']> = [
  'overview',
  'subscriptions',
  'calendar',
  'reminders',
  'charts',
  'household',
  'data',
  'settings',
];

export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').map(decodeURIComponent);
  const [view, id] = parts;
  switch (view) {
    case 'data':
      return (DATA_SECTIONS as readonly string[]).includes(id ?? '') ? { view, section: id as DataSection } : { view };
    case 'subscriptions':
    case 'calendar':
    case 'reminders':
    case 'charts':
    case 'household':
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
  if ('section' in r && r.section) return `#/${r.view}/${r.section}`;
  return 'id' in r ? `#/${r.view}/${encodeURIComponent(r.id)}` : `#/${r.view}`;
}
