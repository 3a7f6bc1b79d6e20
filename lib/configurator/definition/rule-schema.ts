import { z } from "zod";
import { compareOps, type Condition } from "./condition-types";
import { days, hours, idSchema, messageSchema } from "./primitives";

export { compareOps, type CompareOp, type Condition } from "./condition-types";

const signedCents = z.number().int().min(-100_000_000_00).max(100_000_000_00);

// Conditions and rules: the data that says which combinations are allowed, shown, priced and timed.

const conditionKeys = ["all", "any", "not", "selected", "compare", "filled"] as const;

// A condition is an object with exactly one of the keys above; a strict object with optional keys gives
// precise error paths for malformed trees (a plain union would only say "invalid input" at the top).
export const conditionSchema: z.ZodType<Condition> = z.lazy(() =>
  z
    .strictObject({
      all: z.array(conditionSchema).max(100).optional(),
      any: z.array(conditionSchema).max(100).optional(),
      not: conditionSchema.optional(),
      selected: z.strictObject({ group: idSchema, option: idSchema }).optional(),
      compare: z
        .strictObject({ group: idSchema, op: z.enum(compareOps), value: z.number() })
        .optional(),
      filled: z.strictObject({ group: idSchema }).optional(),
    })
    .superRefine((value, ctx) => {
      const present = conditionKeys.filter((key) => value[key] !== undefined);
      if (present.length !== 1) {
        ctx.addIssue({
          code: "custom",
          message: `A condition needs exactly one of: ${conditionKeys.join(", ")}`,
        });
      }
    })
    .transform((value) => value as Condition),
);

const ruleBase = { id: idSchema, message: messageSchema };

export const requiresRuleSchema = z.strictObject({
  ...ruleBase,
  kind: z.literal("requires"),
  when: conditionSchema,
  then: conditionSchema,
});
export const excludesRuleSchema = z.strictObject({
  ...ruleBase,
  kind: z.literal("excludes"),
  when: conditionSchema,
  then: conditionSchema,
});
export const visibleWhenRuleSchema = z.strictObject({
  ...ruleBase,
  kind: z.literal("visibleWhen"),
  target: z.strictObject({ group: idSchema, option: z.optional(idSchema) }),
  when: conditionSchema,
});
export const rangeRuleSchema = z.strictObject({
  ...ruleBase,
  kind: z.literal("range"),
  group: idSchema,
  when: conditionSchema,
  min: z.number().optional(),
  max: z.number().optional(),
});
export const priceRuleSchema = z.strictObject({
  ...ruleBase,
  kind: z.literal("price"),
  when: conditionSchema,
  amountCents: signedCents.optional(),
  percent: z.number().min(-100).max(1000).optional(),
});
export const leadTimeRuleSchema = z.strictObject({
  ...ruleBase,
  kind: z.literal("leadTime"),
  when: conditionSchema,
  leadDays: days.optional(),
  productionHours: hours.optional(),
  /** The routing operation its production hours go to (default: the first). */
  operation: z.optional(idSchema),
});

export const ruleSchema = z.discriminatedUnion("kind", [
  requiresRuleSchema,
  excludesRuleSchema,
  visibleWhenRuleSchema,
  rangeRuleSchema,
  priceRuleSchema,
  leadTimeRuleSchema,
]);


export type Rule = z.infer<typeof ruleSchema>;
export type RequiresRule = z.infer<typeof requiresRuleSchema>;
export type ExcludesRule = z.infer<typeof excludesRuleSchema>;
export type VisibleWhenRule = z.infer<typeof visibleWhenRuleSchema>;
export type RangeRule = z.infer<typeof rangeRuleSchema>;
export type PriceRule = z.infer<typeof priceRuleSchema>;
export type LeadTimeRule = z.infer<typeof leadTimeRuleSchema>;
