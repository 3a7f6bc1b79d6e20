import { z } from "zod";
import { MAX_OPTIONS_PER_GROUP } from "./limits";
import { MAX_EXPRESSION_LENGTH } from "../expression/ast";
import { conditionSchema } from "./rule-schema";
import { cents, colorSchema, days, descriptionSchema, hours, idSchema, labelSchema, messageSchema, pathDataSchema, workCentreIdSchema } from "./primitives";

// The shapes of groups, their options and the preview: the fields of a definition, checked one by one
// (cross-references between them are checked in ./references).

export const componentSchema = z.strictObject({
  sku: z.string().trim().min(1).max(64),
  name: z.string().max(120).optional(),
  quantity: z.number().positive().max(1_000_000),
  /** What the quantity counts: "m", "pcs", "l" (shown on the build sheet and the materials list). */
  unit: z.string().trim().min(1).max(16).optional(),
  /** Whole days the supplier needs to deliver it (material lead time). */
  supplyDays: days.optional(),
  /** Consumed only when this holds (a colour's fabric differs for wool and linen), like a BOM item's selection condition. */
  when: conditionSchema.optional(),
});

/**
 * One step of a product's routing: done at a work centre, taking `hours` per unit of quantity plus
 * `setupHours` once per order (and `hoursFormula` per unit when given). Options, number and text groups and lead-time rules add their hours to
 * the operation they name (the first one by default).
 */
export const operationSchema = z.strictObject({
  id: idSchema,
  label: labelSchema,
  workCentre: workCentreIdSchema,
  hours,
  setupHours: hours.optional(),
  /**
   * Hours per unit of quantity computed from the configuration (the pricing language, e.g.
   * "width * height / 20000"), added to `hours`.
   */
  hoursFormula: z.string().trim().min(1, "Enter a formula").max(MAX_EXPRESSION_LENGTH).optional(),
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
  preview: z
    .strictObject({
      layer: z.optional(idSchema),
      color: colorSchema.optional(),
      /** Layers this option redraws when chosen (sled legs instead of tapered ones, a step-through frame). */
      shapes: z.array(z.strictObject({ layer: idSchema, d: pathDataSchema })).max(10).optional(),
    })
    .optional(),
});

const groupBase = {
  id: idSchema,
  label: labelSchema,
  description: descriptionSchema.optional(),
  required: z.boolean(),
};
const displaySchema = z.enum(["swatch", "card", "radio"]);
const optionsSchema = z.array(optionSchema).min(1).max(MAX_OPTIONS_PER_GROUP);

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
  default: z.array(idSchema).max(MAX_OPTIONS_PER_GROUP).optional(),
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
  /** What a filled-in text consumes (the plates an engraving is cut into). */
  components: z.array(componentSchema).max(50).optional(),
  default: z.string().max(1000).optional(),
});

export const groupSchema = z.discriminatedUnion("type", [
  singleGroupSchema,
  multiGroupSchema,
  numberGroupSchema,
  textGroupSchema,
]);

/**
 * A number group that reshapes the drawing: the band [from, to] of the axis (in view box units) grows by
 * perUnit for each unit the value is above `reference` (the value the layers are drawn at) and shrinks below
 * it; "anchor" says which side stays put (default: both sides move by half).
 */
export const stretchSchema = z.strictObject({
  group: idSchema,
  axis: z.enum(["x", "y"]),
  from: z.number(),
  to: z.number(),
  reference: z.number(),
  perUnit: z.number().min(0).max(1000),
  anchor: z.enum(["start", "middle", "end"]).optional(),
  /** Only these layers (default: all). */
  layers: z.array(idSchema).max(200).optional(),
});

export const previewSchema = z.strictObject({
  viewBox: z.string().max(200).regex(/^-?\d+(\.\d+)?( -?\d+(\.\d+)?){3}$/, "Use four numbers: minX minY width height"),
  layers: z
    .array(z.strictObject({ id: idSchema, d: pathDataSchema, fill: colorSchema, visible: z.boolean() }))
    .max(200),
  stretch: z.array(stretchSchema).max(4).optional(),
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
export type Stretch = z.infer<typeof stretchSchema>;
