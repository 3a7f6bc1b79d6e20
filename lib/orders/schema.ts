import { z } from "zod";
import { hasNoNul, NUL_MESSAGE } from "@/lib/forms/text";
import { readQuantity, MAX_QUANTITY } from "@/lib/configurator/quantity";
import type { OrderStatus } from "./status";

const text = (label: string, max: number) =>
  z.string().trim().min(1, `Enter the ${label}`).max(max, `Use at most ${max} characters`).refine(hasNoNul, NUL_MESSAGE);

/** A shipping address, validated the same way in the browser and on the server. */
export const shippingAddressSchema = z.object({
  name: text("recipient's name", 100),
  line1: text("street and number", 200),
  line2: z.string().trim().max(200, "Use at most 200 characters").refine(hasNoNul, NUL_MESSAGE).default(""),
  city: text("city", 100),
  postalCode: z
    .string()
    .trim()
    .min(2, "Enter the postal code")
    .max(12, "Use at most 12 characters")
    .regex(/^[A-Za-z0-9][A-Za-z0-9 -]*$/, "Use letters, digits, spaces or dashes"),
  // An ISO 3166-1 alpha-2 code from the list the checkout offers, never free text.
  country: z.string().refine((code) => COUNTRY_CODES.has(code), "Choose a country from the list"),
});

export type ShippingAddress = z.infer<typeof shippingAddressSchema>;

/**
 * The checkout's quantity, read as the configurator and the checkout read it (lib/configurator/quantity):
 * digits only (no sign, exponent, decimals or spaces), at least 1, at most MAX_QUANTITY. The shop's limit is
 * the fair-use setting (at most MAX_QUANTITY), checked by the service against the current value; a quantity
 * over MAX_QUANTITY is answered with that limit's message by the action.
 */
const quantitySchema = z.string().transform((text, ctx) => {
  const reading = readQuantity(text, MAX_QUANTITY);
  if (reading.ok) return reading.quantity;
  ctx.issues.push({ code: "custom", message: reading.message, input: text });
  return z.NEVER;
});

/** What the checkout form submits; prices and dates are never taken from it. */
export const checkoutSchema = z.object({
  slug: z.string().min(1).max(100).refine(hasNoNul, NUL_MESSAGE),
  configuration: z.string().min(1, "The configuration is missing").max(20_000),
  quantity: quantitySchema,
  idempotencyKey: z.uuid("This form has expired; reload the page"),
  expectedVersionId: z.string().min(1).max(100).refine(hasNoNul, NUL_MESSAGE),
  expectedTotalCents: z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
  notes: z.string().trim().max(1000, "Use at most 1000 characters").refine(hasNoNul, NUL_MESSAGE).default(""),
  address: shippingAddressSchema,
});

export type CheckoutInput = z.infer<typeof checkoutSchema>;

export const COUNTRIES: { code: string; name: string }[] = [
  { code: "AT", name: "Austria" },
  { code: "BE", name: "Belgium" },
  { code: "CH", name: "Switzerland" },
  { code: "DE", name: "Germany" },
  { code: "DK", name: "Denmark" },
  { code: "ES", name: "Spain" },
  { code: "FI", name: "Finland" },
  { code: "FR", name: "France" },
  { code: "GB", name: "United Kingdom" },
  { code: "IE", name: "Ireland" },
  { code: "IT", name: "Italy" },
  { code: "LU", name: "Luxembourg" },
  { code: "NL", name: "Netherlands" },
  { code: "NO", name: "Norway" },
  { code: "PL", name: "Poland" },
  { code: "PT", name: "Portugal" },
  { code: "SE", name: "Sweden" },
];

const COUNTRY_CODES = new Set(COUNTRIES.map((c) => c.code));

/**
 * A human order number as it appears in URLs and forms: AT-, the year, then the sequence with at least six
 * digits (AT-2026-000123; AT-2027-1234567 once the sequence passes 999,999). Customers and staff use this one.
 */
export const orderNumberSchema = z.string().regex(/^AT-\d{4}-\d{6,}$/, "Not an order number");

/** Every order status, in lifecycle order. */
export const ORDER_STATUSES = ["AWAITING_APPROVAL", "PLACED", "CONFIRMED", "IN_PRODUCTION", "QUALITY_CHECK", "READY_TO_SHIP", "SHIPPED", "DELIVERED", "CANCELLED"] as const satisfies readonly OrderStatus[];

export const orderStatusSchema = z.enum(ORDER_STATUSES);

const optionalText = (max: number) =>
  z.string().trim().max(max, `At most ${max} characters.`).refine(hasNoNul, NUL_MESSAGE).optional().transform((v) => (v ? v : undefined));

/** A staff member's request to move an order (from a board card or the order page). */
export const transitionFormSchema = z
  .object({
    number: orderNumberSchema,
    to: orderStatusSchema,
    expected: orderStatusSchema,
    note: optionalText(500),
    reason: optionalText(500),
    carrier: optionalText(80),
    trackingNumber: optionalText(80),
  })
  .superRefine((value, ctx) => {
    if (value.to === "CANCELLED" && !value.reason) ctx.addIssue({ code: "custom", path: ["reason"], message: "Give a reason; the customer will read it." });
    if (value.to === "SHIPPED" && !value.carrier) ctx.addIssue({ code: "custom", path: ["carrier"], message: "Enter the carrier." });
    if (value.to === "SHIPPED" && !value.trackingNumber) ctx.addIssue({ code: "custom", path: ["trackingNumber"], message: "Enter the tracking number." });
  });

export type TransitionForm = z.infer<typeof transitionFormSchema>;
