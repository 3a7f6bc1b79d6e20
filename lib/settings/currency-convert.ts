// Converting amounts from one shop currency to another: pure, shared by the settings page's preview (in the
// browser) and the conversion itself (lib/settings/currency.ts).
//
// Conventions:
// - Every amount in this app is stored as an integer number of hundredths of the currency's main unit
//   ("cents"), whatever the currency: ¥2,005 is 200500, €2,004.98 is 200498 (lib/money.ts divides by 100).
// - In a product definition, an amount is any number under a key whose name contains "cents" (any case):
//   basePriceCents, priceCents, amountCents, priceCentsPerUnit, and any later field named that way
//   (formula prices, price tables: a table's cells belong under a key such as `cellsCents` or `pricesCents`;
//   numbers nested in arrays or objects under such a key are amounts too, nulls are kept). Nothing else is
//   touched: percentages, hours, days and quantities stay as they are.
// - Rounding: half away from zero, to the target currency's minor unit as Intl.NumberFormat knows it (JPY and
//   other zero-decimal currencies: whole units, i.e. multiples of 100 cents; EUR: one cent). Rates per unit
//   (a key containing "PerUnit") multiply a quantity, so they keep hundredths of a cent instead.
// - The rate is exact to 6 decimals; the product is computed in integers (BigInt), not in floating point.

export const RATE_DECIMALS = 6;
const RATE_SCALE = 10n ** BigInt(RATE_DECIMALS);

/** Digits after the decimal point the currency is written with (JPY 0, EUR 2), as Intl knows it. */
export function minorDigits(currency: string): number {
  return new Intl.NumberFormat("en", { style: "currency", currency }).resolvedOptions().maximumFractionDigits ?? 2;
}

/** The smallest step, in cents, an amount of the currency is rounded to: 100 for JPY, 1 for EUR. */
export function centsStep(currency: string): number {
  return 10 ** Math.max(0, 2 - minorDigits(currency));
}

/** A rate (units of the new currency for one unit of the old) as an integer of millionths, or null. */
export function rateMicros(rate: number): bigint | null {
  if (!Number.isFinite(rate) || rate <= 0) return null;
  const micros = Math.round(rate * 10 ** RATE_DECIMALS);
  return micros > 0 && Number.isSafeInteger(micros) ? BigInt(micros) : null;
}

function divideRounded(numerator: bigint, denominator: bigint): bigint {
  const negative = numerator < 0n;
  const abs = negative ? -numerator : numerator;
  const rounded = (abs * 2n + denominator) / (denominator * 2n);
  return negative ? -rounded : rounded;
}

/** One amount in cents converted at `rate` and rounded to the target currency's minor unit. */
export function convertCents(cents: number, rate: number, toCurrency: string): number {
  const micros = rateMicros(rate);
  if (micros === null) throw new RangeError("The rate must be a positive number");
  if (!Number.isInteger(cents)) return convertRate(cents, rate);
  const step = BigInt(centsStep(toCurrency));
  return Number(divideRounded(BigInt(cents) * micros, RATE_SCALE * step) * step);
}

/** A rate per unit (may hold fractions of a cent) converted and kept to hundredths of a cent. */
export function convertRate(cents: number, rate: number): number {
  const value = Math.round(Math.abs(cents) * rate * 100) / 100;
  return cents < 0 ? -value : value;
}

const isAmountKey = (key: string) => /cents/i.test(key);
const isPerUnitKey = (key: string) => /perunit/i.test(key);

function convertUnder(value: unknown, rate: number, to: string, perUnit: boolean, counter: { n: number }): unknown {
  if (typeof value === "number") {
    counter.n += 1;
    return perUnit ? convertRate(value, rate) : convertCents(value, rate, to);
  }
  if (Array.isArray(value)) return value.map((v) => convertUnder(v, rate, to, perUnit, counter));
  if (typeof value === "object" && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, convertUnder(v, rate, to, perUnit || isPerUnitKey(k), counter)]));
  }
  return value;
}

function walk(value: unknown, rate: number, to: string, counter: { n: number }): unknown {
  if (Array.isArray(value)) return value.map((v) => walk(v, rate, to, counter));
  if (typeof value !== "object" || value === null) return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, v]) => [key, isAmountKey(key) ? convertUnder(v, rate, to, isPerUnitKey(key), counter) : walk(v, rate, to, counter)]),
  );
}

/**
 * A product definition (any JSON) with every amount converted (see the conventions above), and how many
 * amounts there were. The input is not changed.
 */
export function convertDefinitionAmounts(definition: unknown, rate: number, toCurrency: string): { definition: unknown; amounts: number } {
  if (rateMicros(rate) === null) throw new RangeError("The rate must be a positive number");
  const counter = { n: 0 };
  const converted = walk(definition, rate, toCurrency, counter);
  return { definition: converted, amounts: counter.n };
}
