import * as z from "zod/mini";

// The estimate a configurator page asks /api/delivery-context for: its first view's lead days and
// production hours, read from untrusted query parameters.

const MAX_LEAD_DAYS = 3650;
const MAX_PRODUCTION_HOURS = 1_000_000;

/** A query parameter read as a number: present, not blank, and a number by Number() once it is. */
const numberParam = (checked: z.ZodMiniNumber<number>) =>
  z.pipe(
    z.pipe(
      z.string().check(z.refine((text) => text.trim() !== "")),
      z.transform((text) => Number(text)),
    ),
    checked,
  );

export const estimateRequestSchema = z.object({
  leadDays: numberParam(z.number().check(z.int(), z.minimum(0), z.maximum(MAX_LEAD_DAYS))),
  productionHours: numberParam(z.number().check(z.minimum(0), z.maximum(MAX_PRODUCTION_HOURS))),
});

/** The lead days and production hours in `?leadDays=&productionHours=`, or null when absent or out of range. */
export function estimateRequest(params: URLSearchParams): { leadDays: number; productionHours: number } | null {
  const parsed = estimateRequestSchema.safeParse({ leadDays: params.get("leadDays"), productionHours: params.get("productionHours") });
  return parsed.success ? parsed.data : null;
}
