const formatters = new Map<string, Intl.NumberFormat>();

/** Formats integer cents in the shop currency, e.g. 129900 -> "€1,299.00". */
export function formatCents(cents: number, currency = "EUR", locale = "en-GB"): string {
  const key = `${locale}:${currency}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.NumberFormat(locale, { style: "currency", currency });
    formatters.set(key, formatter);
  }
  return formatter.format(cents / 100);
}
