import { z } from "zod";
import { cents, colorSchema, days, descriptionSchema, hours, idSchema, labelSchema, messageSchema, pathDataSchema, workCentreIdSchema } from "./primitives";

// The shapes of groups, their options and the preview: the fields of a definition, checked one by one
// (cross-references between them are checked in ./references).

export const componentSchema = z.strictObject({
  sku: z.string().trim().min(1).max(64),
  name: z.string().max(120).optional(),
  quantity: z.number().positive().max(1_000_000),
  /** Whole days the supplier needs to deliver it (material lead time). */
  supplyDays: days.optional(),
});

/**
 * One step of a product's routing: done at a work centre, taking `hours` per unit of quantity plus
 * `setupHours` once per order. Options, number and text groups and lead-time rules add their hours to
 * the operation they name (the first one by default).
 */
export const operationSchema = z.strictObject({
  id: idSchema,
  label: labelSchema,
  workCentre: workCentreIdSchema,
  hours,
  setupHours: hours.optional(),
});

export const MAX_OPERATIONS = 20;
export const routingSchema = z.array(operationSchema).min(1, "Give the routing at least one operation").max(MAX_OPERATIONS);

export const optionSchema = z.strictObject({
  id: idSchema,
  label: labelSchema,
  description: descriptionSchema.optional(),
  priceCents: cents,
  leadDays: days,
  productionHours: hours,
  /** The routing operation its production hours go to (default: the first). */
  operation: z.optional(idSchema),
  components: z.array(componentSchema).max(50).optional(),
  preview: z.strictObject({ layer: z.optional(idSchema), color: colorSchema.optional() }).optional(),
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
  default: z.optional(idSchema),
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
  operation: z.optional(idSchema),
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
  operation: z.optional(idSchema),
  default: z.string().max(1000).optional(),
});

export const groupSchema = z.discriminatedUnion("type", [
  singleGroupSchema,
  multiGroupSchema,
  numberGroupSchema,
  textGroupSchema,
]);

export const previewSchema = z.strictObject({
  viewBox: z.string().regex(/^-?\d+(\.\d+)?( -?\d+(\.\d+)?){3}$/, "Use four numbers: minX minY width height"),
  layers: z
    .array(z.strictObject({ id: idSchema, d: pathDataSchema, fill: colorSchema, visible: z.boolean() }))
    .max(200),
});

export type Group = z.infer<typeof groupSchema>;
export type SingleGroup = z.infer<typeof singleGroupSchema>;
export type MultiGroup = z.infer<typeof multiGroupSchema>;
export type NumberGroup = z.infer<typeof numberGroupSchema>;
export type TextGroup = z.infer<typeof textGroupSchema>;
export type OptionGroup = SingleGroup | MultiGroup;
export type Option = z.infer<typeof optionSchema>;
export type Component = z.infer<typeof componentSchema>;
export type Operation = z.infer<typeof operationSchema>;
export type Preview = z.infer<typeof previewSchema>;
