import { afterEach, describe, expect, it, vi } from 'vitest';
import { followStatus, holdLivePort } from '../../../lib/app/sync-live';
import { STATUS_KEY } from '../../../lib/sync/status';

afterEach(() => vi.useRealTimers());

function fakePort() {
  const listeners: { message: Array<(m: unknown) => void>; disconnect: Array<() => void> } = {
    message: [],
    disconnect: [],
  };
  return {
    sent: [] as unknown[],
    disconnected: false,
    postMessage(m: unknown) {
      this.sent.push(m);
    },
    disconnect() {
      this.disconnected = true;
    },
    onMessage: { addListener: (cb: (m: unknown) => void) => listeners.message.push(cb) },
    onDisconnect: { addListener: (cb: () => void) => listeners.disconnect.push(cb) },
    emit: (m: unknown) => {
      for (const l of listeners.message) l(m);
    },
    drop: () => {
      for (const l of listeners.disconnect) l();
    },
  };
}

describe('live port', () => {
  it('reloads on applied changes, pings to keep the worker awake, reconnects after a drop, and closes', () => {
    vi.useFakeTimers();
    const ports: Array<ReturnType<typeof fakePort>> = [];
    const runtime = {
      connect: (info: { name: string }) => {
        expect(info.name).toBe('subkeeper-sync-live');
        const p = fakePort();
        ports.push(p);
        return p;
      },
    };
    const applied: string[][] = [];
    const stop = holdLivePort(runtime, (tables) => applied.push(tables), 1000);
    ports[0]?.emit({ type: 'sync-applied', tables: ['subscriptions', 7] });
    ports[0]?.emit({ type: 'other' });
    expect(applied).toEqual([['subscriptions']]);
    vi.advanceTimersByTime(1000);
    expect(ports[0]?.sent).toEqual([{ type: 'ping' }]);
    ports[0]?.drop();
    vi.advanceTimersByTime(1000);
    expect(ports).toHaveLength(2);
    stop();
    expect(ports[1]?.disconnected).toBe(true);
  });
});

describe('status', () => {
  it('reads the stored status and follows its changes', async () => {
    let listener: ((c: Record<string, { newValue?: unknown }>, area: string) => void) | undefined;
    const storage = {
      local: { get: async () => ({ [STATUS_KEY]: { state: 'ok', pending: 2, quarantined: 0, skews: [] } }) },
      onChanged: {
        addListener: (cb: typeof listener) => {
          listener = cb;
        },
        removeListener: () => {
          listener = undefined;
        },
      },
    };
    const seen: string[] = [];
    const stop = followStatus(storage as never, (s) => seen.push(`${s.state}:${s.pending}`));
    await Promise.resolve();
    await Promise.resolve();
    listener?.({ [STATUS_KEY]: { newValue: { state: 'error', pending: 3, error: { code: 'offline' } } } }, 'local');
    listener?.({ [STATUS_KEY]: { newValue: 'garbage' } }, 'local');
    listener?.({ other: { newValue: 1 } }, 'local');
    expect(seen).toEqual(['ok:2', 'error:3', 'off:0']);
    stop();
    expect(listener).toBeUndefined();
  });
});
