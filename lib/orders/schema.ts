import { z } from "zod";
import { hasNoNul, NUL_MESSAGE } from "@/lib/forms/text";

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
  country: z.string().trim().toUpperCase().regex(/^[A-Z]{2}$/, "Choose a country"),
});

export type ShippingAddress = z.infer<typeof shippingAddressSchema>;

export const MAX_ORDER_QUANTITY = 100;

/** What the checkout form submits; prices and dates are never taken from it. */
export const checkoutSchema = z.object({
  slug: z.string().min(1).max(100).refine(hasNoNul, NUL_MESSAGE),
  configuration: z.string().min(1, "The configuration is missing").max(20_000),
  quantity: z.coerce
    .number({ error: "Enter a quantity" })
    .int("Enter a whole number")
    .min(1, "Order at least 1")
    .max(MAX_ORDER_QUANTITY, `Order at most ${MAX_ORDER_QUANTITY} at once; contact us for more`),
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

/** A human order number as it appears in URLs (AT-2026-000123). */
export const orderNumberSchema = z.string().regex(/^AT-\d{4}-\d{6,}$/, "Not an order number");
