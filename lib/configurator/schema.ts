import { z } from "zod";
import { checkDefinitionReferences } from "./references";

// The product definition: one JSON document stored in ProductVersion.definition.
// Field shapes live here; cross-references (ids that must exist, ranges, patterns) in references.ts.

export const ID_PATTERN = /^[a-z0-9][a-z0-9_-]{0,63}$/;
const ID_MESSAGE = "Use 1-64 lowercase letters, digits, '-' or '_' (starting with a letter or digit)";

export const idSchema = z.string().regex(ID_PATTERN, ID_MESSAGE);
const labelSchema = z.string().trim().min(1).max(120);
const descriptionSchema = z.string().max(2000);
const messageSchema = z.string().trim().min(1).max(300);
const cents = z.number().int().min(0).max(100_000_000_00);
const signedCents = z.number().int().min(-100_000_000_00).max(100_000_000_00);
const hours = z.number().min(0).max(100_000);
const days = z.number().int().min(0).max(3650);
// A CSS colour: hex, a functional notation (rgb/hsl/oklch...) or a named colour; nothing that could escape an attribute.
const colorSchema = z
  .string()
  .regex(/^(#[0-9a-fA-F]{3,8}|[a-z]{3,30}|[a-z]{3,8}\([0-9a-zA-Z.,%/\s+-]{1,80}\))$/, "Not a CSS colour");
const pathDataSchema = z.string().max(20_000).regex(/^[MmLlHhVvCcSsQqTtAaZz0-9eE.,\s+-]*$/, "Not SVG path data");

export const compareOps = ["<", "<=", ">", ">=", "==", "!="] as const;
export type CompareOp = (typeof compareOps)[number];

export type Condition =
  | { all: Condition[] }
  | { any: Condition[] }
  | { not: Condition }
  | { selected: { group: string; option: string } }
  | { compare: { group: string; op: CompareOp; value: number } }
  | { filled: { group: string } };

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

export const componentSchema = z.strictObject({
  sku: z.string().trim().min(1).max(64),
  name: z.string().max(120).optional(),
  quantity: z.number().positive().max(1_000_000),
});

export const optionSchema = z.strictObject({
  id: idSchema,
  label: labelSchema,
  description: descriptionSchema.optional(),
  priceCents: cents,
  leadDays: days,
  productionHours: hours,
  components: z.array(componentSchema).max(50).optional(),
  preview: z.strictObject({ layer: idSchema.optional(), color: colorSchema.optional() }).optional(),
});

const groupBase = {
  id: idSchema,
  label: labelSchema,
  description: descriptionSchema.optional(),
  required: z.boolean(),
};
const displaySchema = z.enum(["swatch", "card", "radio"]);
const optionsSchema = z.array(optionSchema).min(1).max(200);

export const singleGroupSchema = z.strictObject({
  ...groupBase,
  type: z.literal("single"),
  display: displaySchema.optional(),
  options: optionsSchema,
  default: idSchema.optional(),
});

export const multiGroupSchema = z.strictObject({
  ...groupBase,
  type: z.literal("multi"),
  display: displaySchema.optional(),
  options: optionsSchema,
  default: z.array(idSchema).max(200).optional(),
  minCount: z.number().int().min(0).optional(),
  maxCount: z.number().int().min(1).optional(),
});

export const numberGroupSchema = z.strictObject({
  ...groupBase,
  type: z.literal("number"),
  unit: z.string().trim().min(1).max(16),
  min: z.number(),
  max: z.number(),
  step: z.number().positive(),
  default: z.number().optional(),
  priceCentsPerUnit: z.number().min(0).max(100_000_000),
  leadDaysPerUnit: z.number().min(0).max(3650).optional(),
  productionHoursPerUnit: hours,
  components: z.array(componentSchema).max(50).optional(),
});

export const textGroupSchema = z.strictObject({
  ...groupBase,
  type: z.literal("text"),
  maxLength: z.number().int().min(1).max(1000),
  pattern: z.string().min(1).max(500).optional(),
  patternMessage: messageSchema.optional(),
  priceCents: cents,
  leadDays: days.optional(),
  productionHours: hours.optional(),
  default: z.string().max(1000).optional(),
});

export const groupSchema = z.discriminatedUnion("type", [
  singleGroupSchema,
  multiGroupSchema,
  numberGroupSchema,
  textGroupSchema,
]);

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
  target: z.strictObject({ group: idSchema, option: idSchema.optional() }),
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
});

export const ruleSchema = z.discriminatedUnion("kind", [
  requiresRuleSchema,
  excludesRuleSchema,
  visibleWhenRuleSchema,
  rangeRuleSchema,
  priceRuleSchema,
  leadTimeRuleSchema,
]);

export const previewSchema = z.strictObject({
  viewBox: z.string().regex(/^-?\d+(\.\d+)?( -?\d+(\.\d+)?){3}$/, "Use four numbers: minX minY width height"),
  layers: z
    .array(z.strictObject({ id: idSchema, d: pathDataSchema, fill: colorSchema, visible: z.boolean() }))
    .max(200),
});

// The whole definition, with cross-reference checks whose issue paths point at the offending field.
export const definitionSchema = z
  .strictObject({
    basePriceCents: cents,
    baseLeadDays: days,
    baseProductionHours: hours,
    premiumPercent: z.number().min(0).max(1000),
    groups: z.array(groupSchema).max(200),
    rules: z.array(ruleSchema).max(2000),
    preview: previewSchema.optional(),
  })
  .superRefine((definition, ctx) => checkDefinitionReferences(definition, ctx));

export type Definition = z.infer<typeof definitionSchema>;
export type Group = z.infer<typeof groupSchema>;
export type SingleGroup = z.infer<typeof singleGroupSchema>;
export type MultiGroup = z.infer<typeof multiGroupSchema>;
export type NumberGroup = z.infer<typeof numberGroupSchema>;
export type TextGroup = z.infer<typeof textGroupSchema>;
export type OptionGroup = SingleGroup | MultiGroup;
export type Option = z.infer<typeof optionSchema>;
export type Component = z.infer<typeof componentSchema>;
export type Rule = z.infer<typeof ruleSchema>;
export type RequiresRule = z.infer<typeof requiresRuleSchema>;
export type ExcludesRule = z.infer<typeof excludesRuleSchema>;
export type VisibleWhenRule = z.infer<typeof visibleWhenRuleSchema>;
export type RangeRule = z.infer<typeof rangeRuleSchema>;
export type PriceRule = z.infer<typeof priceRuleSchema>;
export type LeadTimeRule = z.infer<typeof leadTimeRuleSchema>;
export type Preview = z.infer<typeof previewSchema>;
