// The zod-free parts of ids and selections, for code that runs in the browser (the configurator, share
// links): the schemas built on them live in ./primitives and ./selection.

/** An id of a group, option or rule: 1-64 lowercase letters, digits, '-' or '_', starting with a letter or digit. */
export const ID_PATTERN = /^[a-z0-9][a-z0-9_-]{0,63}$/;

// A customer's choices: group id -> option id (single), option ids (multi), number, or text.
export type SelectionValue = string | string[] | number;
export type Selection = Record<string, SelectionValue>;

export const MAX_SELECTION_GROUPS = 200;

/** The largest quantity one configuration is priced for. */
export const MAX_QUANTITY = 10_000;
