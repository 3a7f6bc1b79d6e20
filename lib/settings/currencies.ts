/** The currencies the shop can sell in (ISO 4217). */
export const CURRENCIES = ["EUR", "USD", "GBP", "CHF", "SEK", "DKK", "NOK", "PLN", "CAD", "AUD", "JPY"] as const;
