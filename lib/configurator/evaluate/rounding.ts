// Money and quantity rounding, in one place so every caller rounds the same way.

/** Removes binary floating-point noise (e.g. 0.1 + 0.2) by rounding to 6 decimals. */
export function cleanFloat(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

/**
 * Rounds to an integer, halves away from zero (2.5 -> 3, -2.5 -> -3). Float noise is removed first,
 * so a product that is mathematically an exact half (e.g. 4.35 * 10 = 43.49999...) rounds as a half.
 */
export function roundHalfAwayFromZero(value: number): number {
  const magnitude = Math.floor(cleanFloat(Math.abs(value)) + 0.5);
  return value < 0 && magnitude !== 0 ? -magnitude : magnitude; // never -0
}
