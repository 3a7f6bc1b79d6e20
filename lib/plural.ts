// Counted nouns in English: "1 order", "2 orders", "1,204 orders", "next week", "next 3 weeks".

/** "1 order" / "0 orders" / "1,204 orders": the count (en-GB digits) and the noun in the form it takes. */
export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count.toLocaleString("en-GB")} ${count === 1 ? singular : pluralForm}`;
}

/** The noun alone, singular for exactly one: `nounFor(2, "order")` is "orders". */
export function nounFor(count: number, singular: string, pluralForm = `${singular}s`): string {
  return count === 1 ? singular : pluralForm;
}

/** "next week" for one, else "next 3 weeks" (a span of `count` units from now). */
export function nextSpan(count: number, unit: string, pluralForm = `${unit}s`): string {
  return count === 1 ? `next ${unit}` : `next ${plural(count, unit, pluralForm)}`;
}
