/** Short builders for the expected reports written beside each fixture mail. */
import type { DetectReport } from '../../lib/detect/report';

type Sub = NonNullable<DetectReport['subscription']>;
type Charge = DetectReport['charges'][number];

export function expect(
  kind: DetectReport['kind'],
  service: [string, string] | null,
  more: {
    sub?: Sub;
    charges?: Charge[];
    links?: DetectReport['links'];
    event?: NonNullable<DetectReport['event']>;
  } = {},
): DetectReport {
  const out: DetectReport = {
    kind,
    service: service ? { name: service[0], domain: service[1] } : null,
    subscription: more.sub ?? null,
    charges: more.charges ?? [],
    links: more.links ?? {},
  };
  if (more.event) out.event = more.event;
  return out;
}

/** A subscription price: amount, currency, period and any further fields. */
export function sub(amount: number, currency: string, period?: string, rest: Partial<Sub> = {}): Sub {
  return { amount, currency, ...(period ? { period } : {}), ...rest };
}

export function charge(date: string, amount: number, currency: string): Charge {
  return { date, amount, currency };
}

/** Nothing to track: a mail that is not about a subscription of the reader's. */
export const nothing: DetectReport = { kind: 'none', service: null, subscription: null, charges: [], links: {} };

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** An RFC 5322 Date header for a day, a time and a zone: `at('2026-11-23', '09:14', '+0100')`. */
export function at(day: string, time = '08:30:00', zone = '+0100'): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const weekday = DAYS[new Date(Date.UTC(y, m - 1, d)).getUTCDay()];
  const t = time.length === 5 ? `${time}:00` : time;
  return `${weekday}, ${d} ${MONTHS[m - 1]} ${y} ${t} ${zone}`;
}
