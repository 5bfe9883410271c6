/** Calendar days as `YYYY-MM-DD` strings: arithmetic, today from a clock, reading and formatting. */
export * from './calendar';
export * from './format';
export { type DateContext, type DateMatch, findDates, MAX_DATE_MATCHES, MAX_DATE_TEXT, parseLocalDate } from './parse';
export * from './today';
