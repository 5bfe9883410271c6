import { canonical } from '../io/canonical';
import { type Settings, Settings as SettingsSchema } from '../model';

/**
 * Settings are per person (language, base currency, what a bare `kr` means, reminder defaults, detection, exchange rates), so they do
 * not go to the household: they go to the browser's own `storage.sync`, which follows the person to their other
 * browsers signed in to the same browser account (without any household). One item per setting, each with
 * the time it was changed; the later change wins per setting.
 *
 * A browser that has never synced its settings takes what its account already has (a new browser should look
 * like the person's others), and sends the settings its account does not have yet.
 */

export const SYNCED_SETTINGS = [
  'baseCurrency',
  'krone',
  'language',
  'reminders',
  'detection',
  'exchangeRates',
] as const;
export type SyncedSetting = (typeof SYNCED_SETTINGS)[number];

/** A setting as stored in storage.sync under `settings.<name>`; `v: null` means unset. */
export interface SyncedItem {
  v: unknown;
  /** When it was changed (ISO instant). */
  at: string;
  /** Which browser changed it. */
  by: string;
}

/** What this browser last sent or took, per setting (kept in storage.local). */
export type LocalMeta = Partial<Record<SyncedSetting, { json: string; at: string }>>;

export const itemKey = (name: SyncedSetting) => `settings.${name}`;
export const META_KEY = 'settings.sync.meta';
export const ERROR_KEY = 'settings.sync.error';

function isItem(value: unknown): value is SyncedItem {
  const v = value as SyncedItem | null;
  return !!v && typeof v === 'object' && 'v' in v && typeof v.at === 'string' && typeof v.by === 'string';
}

/** The settings that changed here since they were last sent, as storage.sync items. */
export function planPush(
  settings: Settings,
  meta: LocalMeta,
  at: string,
  by: string,
): { items: Record<string, SyncedItem>; meta: LocalMeta } {
  const items: Record<string, SyncedItem> = {};
  const next: LocalMeta = { ...meta };
  for (const name of SYNCED_SETTINGS) {
    const value = settings[name] ?? null;
    const json = canonical(value);
    if (meta[name]?.json === json) continue;
    items[itemKey(name)] = { v: value, at, by };
    next[name] = { json, at };
  }
  return { items, meta: next };
}

/**
 * Takes the settings changed elsewhere later than here. Returns the new settings (null when nothing changes)
 * and the meta to keep. An item that does not validate is ignored (the browser's own value stays).
 */
export function planPull(
  settings: Settings,
  meta: LocalMeta,
  remote: Record<string, unknown>,
): { next: Settings | null; meta: LocalMeta } {
  const draft: Record<string, unknown> = { ...settings };
  const nextMeta: LocalMeta = { ...meta };
  let changed = false;
  for (const name of SYNCED_SETTINGS) {
    const item = remote[itemKey(name)];
    if (!isItem(item)) continue;
    const mine = meta[name];
    if (mine && item.at <= mine.at) continue;
    const json = canonical(item.v);
    if (json !== canonical(settings[name] ?? null)) {
      const field = SettingsSchema.shape[name];
      const parsed = item.v === null ? { success: true as const, data: undefined } : field.safeParse(item.v);
      if (!parsed.success) continue;
      if (parsed.data === undefined) delete draft[name];
      else draft[name] = parsed.data;
      changed = true;
    }
    nextMeta[name] = { json, at: item.at };
  }
  if (!changed) return { next: null, meta: nextMeta };
  const whole = SettingsSchema.safeParse(draft);
  return whole.success ? { next: whole.data, meta: nextMeta } : { next: null, meta };
}
