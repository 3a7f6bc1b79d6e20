// PostgreSQL cannot store the NUL character in text or jsonb columns (nor look it up): a field that
// contains one would fail the save with a database error, so forms refuse it with a message instead.

/** True when `value` has no NUL character. */
export const hasNoNul = (value: string) => !value.includes("\u0000");

/** The message shown beside a field that contains a NUL character. */
export const NUL_MESSAGE = "Remove the invisible control character (NUL) from this text";
