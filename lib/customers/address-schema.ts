import { z } from "zod";
import { hasNoNul, NUL_MESSAGE } from "@/lib/forms/text";
import { shippingAddressSchema } from "@/lib/orders/schema";

/** The most addresses one customer keeps. */
export const MAX_SAVED_ADDRESSES = 20;

/** A phone number for the delivery: optional; digits with the usual separators, 5 to 20 digits. */
export const phoneSchema = z
  .string()
  .trim()
  .max(30, "Use at most 30 characters")
  .refine(hasNoNul, NUL_MESSAGE)
  .superRefine((v, ctx) => {
    if (v === "") return;
    const digits = v.replace(/\D/g, "").length;
    if (!/^\+?[0-9 ()./-]+$/.test(v)) ctx.addIssue({ code: "custom", message: "Use digits, spaces and + ( ) - only, e.g. +43 1 234 5678" });
    else if (digits < 5 || digits > 20) ctx.addIssue({ code: "custom", message: "Enter a phone number with 5 to 20 digits" });
  })
  .default("");

/** A saved address: the checkout's shipping address (same rules, same messages) plus an optional phone number. */
export const savedAddressSchema = shippingAddressSchema.extend({ phone: phoneSchema });

export type SavedAddressInput = z.infer<typeof savedAddressSchema>;

/** The address book's form fields, in form order (checkout names them `address.<field>`). */
export const ADDRESS_FORM_FIELDS = ["name", "line1", "line2", "postalCode", "city", "country", "phone"] as const;

/** The consent part of the checkout form: saving is opt-in (an unchecked box saves nothing). */
export const checkoutConsentSchema = z.object({
  saveAddress: z.literal("on").optional(),
  phone: phoneSchema,
});

/** A saved address's id as it arrives from a form or URL. */
export const savedAddressIdSchema = z.string().regex(/^[a-z0-9]{10,40}$/, "Not an address");
