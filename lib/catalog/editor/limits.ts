// The size of a draft definition, the same in the editor (checked before sending) and on the server. The
// request limit for server actions (lib/security/request-checks.ts) leaves room for it and the form around it.

/** The largest draft definition, as UTF-8 JSON bytes. */
export const MAX_DEFINITION_BYTES = 2_000_000;

export const DEFINITION_TOO_LARGE = "The definition is too large to save: at most 2 MB of JSON. Remove some options or rules.";
