/** "3 minutes ago", "yesterday", in the UI's locale, from an ISO instant (the clock is passed in). */
export function relativeTime(iso: string, nowMs: number, locale: string): string {
  const then = Date.parse(iso);
  if (Number.isNaN(then)) return '';
  const seconds = Math.round((then - nowMs) / 1000);
  const rtf = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  const abs = Math.abs(seconds);
  if (abs < 45) return rtf.format(0, 'second');
  if (abs < 3600) return rtf.format(Math.round(seconds / 60), 'minute');
  if (abs < 86_400) return rtf.format(Math.round(seconds / 3600), 'hour');
  return rtf.format(Math.round(seconds / 86_400), 'day');
}

/** A length of time in words ("3 hours", "2 days"), rounded to its largest unit. */
export function durationWords(ms: number, locale: string): string {
  const [value, unit] =
    ms >= 2 * 86_400_000
      ? [Math.round(ms / 86_400_000), 'day']
      : ms >= 2 * 3_600_000
        ? [Math.round(ms / 3_600_000), 'hour']
        : [Math.max(1, Math.round(ms / 60_000)), 'minute'];
  return new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'long' }).format(value);
}
