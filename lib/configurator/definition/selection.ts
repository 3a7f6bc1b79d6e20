import * as z from "zod/mini";
import { idSchema } from "./id";
import { MAX_SELECTION_GROUPS, type Selection } from "./selection-types";

export { MAX_SELECTION_GROUPS, type Selection, type SelectionValue } from "./selection-types";

// The selection schema, in zod/mini: the server validates orders and share links with it, and the browser
// checks a decoded share link with the same schema (zod/mini keeps the configurator's engine bundle small).

export const selectionValueSchema = z.union([
  z.string().check(z.maxLength(1000)),
  z.array(idSchema).check(z.maxLength(200)),
  z.number(), // zod 4 rejects NaN and +/-Infinity
]);

// Safe for untrusted input: the object size is checked before any entry is parsed.
export const selectionSchema: z.ZodMiniType<Selection> = z.pipe(
  z.custom<Record<string, unknown>>(
    (value) =>
      typeof value === "object" &&
      value !== null &&
      !Array.isArray(value) &&
      Object.keys(value).length <= MAX_SELECTION_GROUPS,
    { message: `A selection is an object with at most ${MAX_SELECTION_GROUPS} groups` },
  ),
  z.record(idSchema, selectionValueSchema),
);
