import { toIsoDate } from './calendar';

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string | undefined): Intl.DateTimeFormat {
  const key = timeZone ?? '';
  let f = formatters.get(key);
  if (!f) {
    try {
      f = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: 'numeric', day: 'numeric' });
    } catch {
      // Unknown zone name: fall back to UTC rather than failing the caller.
      f = new Intl.DateTimeFormat('en-US', { timeZone: 'UTC', year: 'numeric', month: 'numeric', day: 'numeric' });
    }
    formatters.set(key, f);
  }
  return f;
}

/**
 * The calendar day (`YYYY-MM-DD`) of an instant as seen in `timeZone` (IANA name; default: the runtime's zone;
 * an unknown name falls back to UTC). Entrypoints use this to turn the real clock into `today`.
 * Throws RangeError for an invalid Date.
 */
export function todayFromInstant(instant: Date, timeZone?: string): string {
  if (!(instant instanceof Date) || Number.isNaN(instant.getTime())) throw new RangeError('invalid instant');
  const parts = formatterFor(timeZone).formatToParts(instant);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return toIsoDate(get('year'), get('month'), get('day'));
}
