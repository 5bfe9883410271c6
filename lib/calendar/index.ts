/** Calendar export: renewals as an iCalendar (.ics) file with recurring events and alarms. */
export * from './ical-text';
export * from './ics';
export * from './rrule';
