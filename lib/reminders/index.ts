/**
 * Reminders: what to remind and when (pure planning with a passed-in day), the fired and snooze logs that make
 * each reminder show exactly once, and the notification text in the user's language.
 */
export * from './coming';
export * from './cycle';
export * from './deliver';
export * from './history';
export * from './ids';
export * from './log';
export * from './plan';
export * from './renewals';
export * from './text';
export * from './types';
