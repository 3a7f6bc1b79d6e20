import { z } from "zod";
import { hasNoNul, NUL_MESSAGE } from "@/lib/forms/text";
import { SLUG_PATTERN } from "../editor/schema";
import { STATUS_CHANGES } from "./status";

// Form schemas of the versions, cloning, status and test-case actions.

export const entityIdSchema = z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/);

export const versionNumberSchema = z.coerce.number({ error: "Choose a version" }).int("Choose a version").min(1, "Choose a version").max(1_000_000, "Choose a version");

export const rollbackSchema = z.object({ version: versionNumberSchema, replace: z.boolean() });

export const cloneSchema = z.object({
  name: z.string().trim().min(1, "Enter a name").max(120, "Use at most 120 characters").refine(hasNoNul, NUL_MESSAGE),
  slug: z.string().trim().toLowerCase().min(1, "Enter a slug").max(64, "Use at most 64 characters").regex(SLUG_PATTERN, "Use lowercase letters and digits separated by single hyphens, e.g. oak-desk"),
});

export const statusChangeSchema = z.object({ change: z.enum(STATUS_CHANGES, { error: "Choose what to do" }) });

const caseName = z.string().trim().min(1, "Name the test case").max(120, "Use at most 120 characters").refine(hasNoNul, NUL_MESSAGE);

export const MAX_SELECTION_JSON = 50_000;

export const createTestCaseSchema = z.object({
  name: caseName,
  selection: z
    .string()
    .max(MAX_SELECTION_JSON, "This configuration is too large to save")
    .transform((text, ctx) => {
      try {
        const value: unknown = JSON.parse(text);
        if (typeof value === "object" && value !== null && !Array.isArray(value)) return value as Record<string, unknown>;
      } catch {
        // reported below
      }
      ctx.addIssue({ code: "custom", message: "The configuration could not be read; reload the preview and try again" });
      return z.NEVER;
    }),
  quantity: z.coerce.number({ error: "Enter a quantity" }).int("Enter a whole number").min(1, "At least 1").max(10_000, "At most 10000"),
});

/** "1234.50" -> 123450 cents; a sign and at most two decimals. */
const moneyText = z
  .string()
  .trim()
  .regex(/^-?\d{1,10}(\.\d{1,2})?$/, "Enter an amount like 1234.50")
  .transform((v) => Math.round(Number(v) * 100));

export const updateTestCaseSchema = z.object({
  id: entityIdSchema,
  name: caseName,
  expectValid: z.enum(["valid", "invalid"], { error: "Choose valid or invalid" }).transform((v) => v === "valid"),
  expectPrice: moneyText,
  expectLeadDays: z.coerce.number({ error: "Enter a number of days" }).int("Enter whole days").min(0, "At least 0").max(3650, "At most 3650"),
  compareOperations: z.boolean(),
});

export const deleteTestCaseSchema = z.object({ id: entityIdSchema });
