// Vitest runs server modules outside React Server Components; the guard has nothing to guard there.
export {};
