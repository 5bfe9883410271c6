/** An amount of money: whole minor units (øre, cents, pence) and an ISO 4217 code. */
export type Money = { amountMinor: number; currency: string };

/** Exchange rates: units of each currency per 1 EUR, as of `date` (YYYY-MM-DD). */
export type Rates = { date: string; perEur: Record<string, number> };
