/** Money: minor units, currency digits, reading prices off pages, formatting, and exchange rates. */
export type { PriceContext } from './context';
export * from './currency';
export * from './format';
export * from './locale';
export * from './parse';
export * from './rates';
export * from './types';
