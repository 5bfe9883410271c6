/**
 * Data in and out: JSON backups and restore, CSV export and import, bank statements and the recurring-payment
 * finder, and household files.
 */
export * from './backup';
export * from './csv';
export { type DateOrder, detectDateOrder, readDate } from './dates';
export * from './household';
export * from './import';
export { normaliseServiceName, serviceKey, serviceKeys } from './keys';
export { cleanPayee, isExcludedLine, payeeKey } from './payee';
export * from './recurring';
export { payeeName, seriesToImport } from './recurring-import';
export * from './recurring-report';
export * from './restore';
export * from './statement';
export { decodeText } from './text';
