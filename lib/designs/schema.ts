import { z } from "zod";
import { MAX_QUANTITY } from "@/lib/configurator/definition/selection-types";
import { hasNoNul, NUL_MESSAGE } from "@/lib/forms/text";

/** The most designs one customer keeps. */
export const MAX_SAVED_DESIGNS = 100;
export const MAX_DESIGN_NAME = 80;

/** A design's name as the customer types it. */
export const designNameSchema = z
  .string()
  .trim()
  .min(1, "Give the design a name")
  .max(MAX_DESIGN_NAME, `Use at most ${MAX_DESIGN_NAME} characters`)
  .refine(hasNoNul, NUL_MESSAGE);

/** A saved design's id as it arrives from a URL or a form (anything else is a 404). */
export const designIdSchema = z.string().regex(/^[a-z0-9]{10,40}$/, "Not a design");

/** What the "save this design" form submits; the configuration is re-validated against the product. */
export const saveDesignSchema = z.object({
  slug: z.string().min(1, "The product is missing").max(100).refine(hasNoNul, NUL_MESSAGE),
  configuration: z.string().min(1, "The configuration is missing").max(20_000),
  quantity: z
    .string()
    .regex(/^\d{1,9}$/, "Enter the quantity in digits")
    .transform(Number)
    .pipe(z.number().int().min(1, "At least 1").max(MAX_QUANTITY, "Too many")),
  name: designNameSchema,
});

export type SaveDesignInput = z.infer<typeof saveDesignSchema>;
