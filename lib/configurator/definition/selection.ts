import { z } from "zod";
import { idSchema } from "./primitives";
import { MAX_SELECTION_GROUPS } from "./selection-types";

export { MAX_SELECTION_GROUPS, type Selection, type SelectionValue } from "./selection-types";

export const selectionValueSchema = z.union([
  z.string().max(1000),
  z.array(idSchema).max(200),
  z.number(), // zod 4 rejects NaN and +/-Infinity
]);

// Safe for untrusted input: the object size is checked before any entry is parsed.
export const selectionSchema = z
  .custom<Record<string, unknown>>(
    (value) =>
      typeof value === "object" &&
      value !== null &&
      !Array.isArray(value) &&
      Object.keys(value).length <= MAX_SELECTION_GROUPS,
    { message: `A selection is an object with at most ${MAX_SELECTION_GROUPS} groups` },
  )
  .pipe(z.record(idSchema, selectionValueSchema));
