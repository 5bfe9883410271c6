import Dexie from 'dexie';
import type { browser as Browser } from 'wxt/browser';
import { getSettings, type SubkeeperDb } from '../../lib/db';
import { touches } from '../../lib/db/mutated';
import { applyVisitScript, type ScriptingApi } from '../../lib/rights/visit-script';

/**
 * Keeps the days-of-use script (entrypoints/visit.ts) registered exactly while counting is on
 * (lib/rights/visit-script.ts): at start, on every settings write from any page, and when the user grants or gives
 * back the `scripting` permission (the API exists only while it is granted). One change at a time.
 */
export function setupVisitScript(deps: { db: SubkeeperDb; browser: typeof Browser }) {
  const { db, browser } = deps;
  let queue = Promise.resolve();
  const keep = () => {
    queue = queue
      .then(async () => {
        const scripting = (browser as unknown as { scripting?: ScriptingApi }).scripting;
        if (scripting) await applyVisitScript(scripting, (await getSettings(db)).rights.usage);
      })
      .catch(() => {
        // Counting days of use is not worth an error; the next settings write tries again.
      });
  };
  keep();
  Dexie.on('storagemutated', (parts: Record<string, unknown>) => {
    if (touches(parts, db.name, 'settings')) keep();
  });
  try {
    browser.permissions.onAdded.addListener(keep);
    browser.permissions.onRemoved.addListener(keep);
  } catch {
    // Not in WXT's test browser; a settings write brings the script in step all the same.
  }
}
