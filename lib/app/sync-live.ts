import { LIVE_PORT } from '../sync/messages';
import { readStatus, STATUS_KEY, type SyncStatus } from '../sync/status';

/**
 * What a Subkeeper page does for household sync while it is open: it holds the live port (the background then
 * pulls changes as they come, and stops when the last page closes: never a permanent connection) and reloads
 * its data when the background applied changes; and it follows the sync status the background keeps in
 * storage.local. Only the small status module is loaded for this, never the sync engine or PouchDB.
 */

interface PortLike {
  postMessage(message: unknown): void;
  disconnect(): void;
  onMessage: { addListener(cb: (message: unknown) => void): void };
  onDisconnect: { addListener(cb: () => void): void };
}

export interface RuntimeLike {
  connect(info: { name: string }): PortLike;
}

export interface StorageLike {
  local: { get(key: string): Promise<Record<string, unknown>> };
  onChanged: {
    addListener(cb: (changes: Record<string, { newValue?: unknown }>, area: string) => void): void;
    removeListener(cb: (changes: Record<string, { newValue?: unknown }>, area: string) => void): void;
  };
}

/** Keeps the live port open while the page lives; `onApplied` gets the tables that changed. */
export function holdLivePort(runtime: RuntimeLike, onApplied: (tables: string[]) => void, pingMs = 20_000) {
  let port: PortLike | undefined;
  let timer: ReturnType<typeof setInterval> | undefined;
  const open = () => {
    try {
      port = runtime.connect({ name: LIVE_PORT });
    } catch {
      return;
    }
    port.onMessage.addListener((m) => {
      const msg = m as { type?: unknown; tables?: unknown };
      if (msg?.type === 'sync-applied' && Array.isArray(msg.tables)) {
        onApplied(msg.tables.filter((x): x is string => typeof x === 'string'));
      }
    });
    // The worker may be stopped and the port dropped: connect again (that starts it again).
    port.onDisconnect.addListener(() => {
      port = undefined;
    });
  };
  open();
  timer = setInterval(() => {
    if (!port) open();
    try {
      port?.postMessage({ type: 'ping' });
    } catch {
      port = undefined;
    }
  }, pingMs);
  return () => {
    clearInterval(timer);
    timer = undefined;
    port?.disconnect();
  };
}

/** Calls `onStatus` with the stored sync status now and whenever it changes. Returns the unsubscribe. */
export function followStatus(storage: StorageLike, onStatus: (status: SyncStatus) => void): () => void {
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'local' && STATUS_KEY in changes) onStatus(readStatus(changes[STATUS_KEY]?.newValue));
  };
  storage.onChanged.addListener(listener);
  void storage.local.get(STATUS_KEY).then(
    (got) => onStatus(readStatus(got[STATUS_KEY])),
    () => undefined,
  );
  return () => storage.onChanged.removeListener(listener);
}
