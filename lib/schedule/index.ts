/** Renewal schedules: billing periods, schedule days, and per-month/per-year normalisation. */
export * from './days';
export * from './normalise';
export * from './period';
export * from './schedule';
