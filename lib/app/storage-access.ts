/** A storage area that may be closed to content scripts (Chrome's `setAccessLevel`). */
interface Area {
  setAccessLevel?: (options: { accessLevel: 'TRUSTED_CONTEXTS' | 'TRUSTED_AND_UNTRUSTED_CONTEXTS' }) => Promise<void>;
}

/**
 * Closes `storage.local` and `storage.sync` to content scripts where the browser can (Chrome: `setAccessLevel`;
 * Firefox supports it only for `storage.session`, which is closed already). Never throws; resolves to the areas
 * that were closed.
 */
export async function restrictToExtension(storage: { local?: unknown; sync?: unknown }): Promise<string[]> {
  const closed: string[] = [];
  for (const name of ['local', 'sync'] as const) {
    const area = storage[name] as Area | undefined;
    if (typeof area?.setAccessLevel !== 'function') continue;
    try {
      await area.setAccessLevel({ accessLevel: 'TRUSTED_CONTEXTS' });
      closed.push(name);
    } catch {
      // Not supported for this area in this browser: content scripts keep access (ours never read it).
    }
  }
  return closed;
}
