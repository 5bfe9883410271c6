import type { Route } from '../../lib/app/route';
import type { Store } from '../../lib/app/store';
import type { DeletedBundle } from '../../lib/db';
import type { Translate } from '../../lib/i18n';
import type { Platform } from './App';

/** The detail, calendar, charts, data and settings views. */
export function MoreViews(props: {
  route: Route;
  store: Store;
  platform: Platform;
  t: Translate;
  locale: string;
  go: (r: Route) => void;
  onDeleted: (b: DeletedBundle | null) => void;
}) {
  return (
    <section class="card">
      <h2>{props.t(`dashboard.nav.${props.route.view}`)}</h2>
    </section>
  );
}
