import { z } from "zod";
import { groupSchema, previewSchema, routingSchema } from "./group-schema";
import { MAX_GROUPS, MAX_RULES } from "./limits";
import { pricingSchema } from "./pricing-schema";
import { cents, days } from "./primitives";
import { checkDefinitionReferences } from "./references";
import { ruleSchema } from "./rule-schema";

export * from "./group-schema";
export * from "./rule-schema";
export * from "./pricing-schema";
export { ID_PATTERN, idSchema, WORK_CENTRE_PATTERN, workCentreIdSchema } from "./primitives";

// The product definition: one JSON document stored in ProductVersion.definition.
// Field shapes live in ./group-schema and ./rule-schema; cross-references (ids that must exist, ranges,
// patterns) in ./references.

// The whole definition, with cross-reference checks whose issue paths point at the offending field.
export const definitionSchema = z
  .strictObject({
    basePriceCents: cents,
    baseLeadDays: days,
    /** The operations that make the product, in order (production hours live on them). */
    routing: routingSchema,
    premiumPercent: z.number().min(0).max(1000),
    groups: z.array(groupSchema).max(MAX_GROUPS),
    rules: z.array(ruleSchema).max(MAX_RULES),
    preview: previewSchema.optional(),
    /** Formula prices, price tables and quantity tiers (./pricing-schema). */
    pricing: pricingSchema.optional(),
  })
  .superRefine((definition, ctx) => checkDefinitionReferences(definition, ctx));

export type Definition = z.infer<typeof definitionSchema>;
