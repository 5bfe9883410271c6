import { createRights, type Rights } from '../../lib/app/rights';
import type { Store } from '../../lib/app/store';

/** One rights state (lib/app/rights) per database, shared by the dashboard's views. */
const states = new WeakMap<object, Rights>();
export function rightsOfStore(store: Store): Rights {
  let r = states.get(store.db);
  if (!r) {
    r = createRights({ db: store.db, now: () => new Date() });
    states.set(store.db, r);
  }
  return r;
}
