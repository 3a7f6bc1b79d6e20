import { z } from "zod";
import { hasNoNul, NUL_MESSAGE } from "@/lib/forms/text";
import { MAX_QUANTITY } from "@/lib/configurator/definition/selection-types";
import { orderNumberSchema } from "./schema";

// What the change forms submit (issue 23): prices and dates are never taken from them.

/** The customer's confirmation of a change (or a change request). */
export const confirmChangeSchema = z.object({
  number: orderNumberSchema,
  configuration: z.string().min(1, "The configuration is missing").max(20_000),
  quantity: z.string().regex(/^\d{1,9}$/, "Enter the quantity in digits").transform(Number).pipe(z.number().int().min(1, "At least 1").max(MAX_QUANTITY, "For a quantity this large, contact us")),
  idempotencyKey: z.uuid("This form has expired; reload the page"),
  /** The product version the change is onto (the product's newer one); empty: the order's own. */
  versionId: z.string().trim().max(100).regex(/^[\w-]*$/, "This form has expired; reload the page").default(""),
  expectedOrderVersion: z.string().regex(/^\d{1,9}$/, "This form has expired; reload the page").transform(Number),
  expectedTotalCents: z.string().regex(/^\d{1,15}$/, "This form has expired; reload the page").transform(Number),
  reason: z.string().trim().max(500, "Use at most 500 characters").refine(hasNoNul, NUL_MESSAGE).default(""),
});

const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Choose a valid date").refine((v) => !Number.isNaN(new Date(`${v}T00:00:00Z`).getTime()) && new Date(`${v}T00:00:00Z`).toISOString().slice(0, 10) === v, "Choose a valid date");

/** Staff's decision on a change request: approve (optional fee in the shop's currency, optional later date) or decline (reason). */
export const decideChangeSchema = z
  .object({
    requestId: z.string().min(1).max(100).refine(hasNoNul, NUL_MESSAGE),
    decision: z.enum(["approve", "decline"]),
    fee: z.string().trim().max(20).regex(/^(\d{1,7}([.,]\d{1,2})?)?$/, "Enter the fee as an amount, e.g. 45.00").default(""),
    promisedDate: z.union([z.literal(""), isoDay]).default(""),
    note: z.string().trim().max(500, "Use at most 500 characters").refine(hasNoNul, NUL_MESSAGE).default(""),
  })
  .superRefine((value, ctx) => {
    if (value.decision === "decline" && !value.note) ctx.addIssue({ code: "custom", path: ["note"], message: "Give a reason for declining; the customer will read it." });
  });

/** A fee typed as "45", "45.5" or "45,50" in cents. */
export function feeCents(fee: string): number {
  if (!fee) return 0;
  const [whole, part = ""] = fee.replace(",", ".").split(".");
  return Number(whole) * 100 + Number(part.padEnd(2, "0"));
}
