import { z } from "zod";
import { hasNoNul, NUL_MESSAGE } from "@/lib/forms/text";
import type { Definition } from "@/lib/configurator";

export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Image uploads: types and size the product page may show (stored as a data URL with the product). */
export const IMAGE_TYPES: Record<string, string> = { "image/png": "png", "image/jpeg": "jpg", "image/webp": "webp" };
export const MAX_IMAGE_BYTES = 1024 * 1024;
const MAX_DATA_URL_LENGTH = 40 + Math.ceil(MAX_IMAGE_BYTES / 3) * 4;
const DATA_URL = /^data:image\/(png|jpeg|webp);base64,[A-Za-z0-9+/]+={0,2}$/;

/** True when the image is an upload kept in the database rather than an address. */
export const isUploadedImage = (url: string) => url.startsWith("data:image/");

/** The product's own fields (everything outside the versioned definition). */
export const productDetailsSchema = z.object({
  name: z.string().trim().min(1, "Enter a name").max(120, "Use at most 120 characters").refine(hasNoNul, NUL_MESSAGE),
  slug: z
    .string()
    .trim()
    .toLowerCase()
    .min(1, "Enter a slug")
    .max(64, "Use at most 64 characters")
    .regex(SLUG_PATTERN, "Use lowercase letters and digits separated by single hyphens, e.g. oak-desk"),
  summary: z.string().trim().max(300, "Use at most 300 characters").refine(hasNoNul, NUL_MESSAGE),
  description: z.string().trim().max(5000, "Use at most 5000 characters").refine(hasNoNul, NUL_MESSAGE),
  imageUrl: z
    .string()
    .trim()
    .max(MAX_DATA_URL_LENGTH)
    .refine(
      (v) => v === "" || (v.length <= 500 && (/^\/[A-Za-z0-9/_.-]+$/.test(v) || /^https:\/\/[^\s"'<>]+$/.test(v))) || DATA_URL.test(v),
      "Use a path like /products/desk.svg or an https:// address",
    ),
});

export type ProductDetailsInput = z.infer<typeof productDetailsSchema>;

export const publishSchema = z.object({
  productId: z.string().min(1).max(64),
  note: z.string().trim().max(500, "Use at most 500 characters").refine(hasNoNul, NUL_MESSAGE),
  acknowledgeWarnings: z.boolean(),
  /** The draft's revision the page loaded (its updatedAt); the form always sends it. */
  revision: z.string().max(64),
  acceptTestResults: z.boolean(),
});


/** The definition a new product starts from: valid, with one operation (1 h per unit) at the given work centre. */
export function starterDefinition(workCentre = "workshop"): Definition {
  return {
    basePriceCents: 0,
    baseLeadDays: 7,
    routing: [{ id: "make", label: "Make", workCentre, hours: 1 }],
    premiumPercent: 0,
    groups: [],
    rules: [],
  };
}
