import { z } from "zod";
import { MAX_EXPRESSION_LENGTH } from "../expression/ast";
import { cents, idSchema, labelSchema } from "./primitives";
import { conditionSchema } from "./rule-schema";
import { MAX_QUANTITY } from "./selection-types";

// Pricing beyond fixed option prices: items priced by a formula (a measured quantity x a rate), price
// tables looked up by the bands of one or two number groups, and quantity tiers (unit-price discounts).
// The formulas' names, the tables' groups and bands are checked against the groups in ./references.

/** An expression of the pricing language (lib/configurator/expression), e.g. "width * height / 10000". */
export const formulaSourceSchema = z.string().trim().min(1, "Enter a formula").max(MAX_EXPRESSION_LENGTH);

/**
 * A priced item whose quantity is a formula: quantity (rounded to `decimals`, then clamped to
 * minQuantity/maxQuantity) x rateCents, rounded to cents. Only when `when` holds, if given.
 */
export const formulaPriceSchema = z.strictObject({
  id: idSchema,
  label: labelSchema,
  quantity: formulaSourceSchema,
  unit: z.string().trim().min(1).max(16),
  decimals: z.number().int().min(0).max(4),
  rateCents: cents,
  minQuantity: z.number().min(0).max(1_000_000).optional(),
  maxQuantity: z.number().min(0).max(1_000_000).optional(),
  when: conditionSchema.optional(),
});

/** The bands of a number group: band k holds the values up to upTo[k] (and above the band before it). */
export const bandsSchema = z.strictObject({
  group: idSchema,
  upTo: z.array(z.number()).min(1, "Give at least one band").max(50),
});

/**
 * A price looked up in a grid: the row is the band of `rows.group`'s value, the column the band of
 * `columns.group`'s (one column without it). The last band must reach the group's largest value, so
 * every value the group allows has a price (./references refuses a table that does not).
 */
export const priceTableSchema = z.strictObject({
  id: idSchema,
  label: labelSchema,
  rows: bandsSchema,
  columns: bandsSchema.optional(),
  cents: z.array(z.array(cents).min(1).max(50)).min(1).max(50),
  when: conditionSchema.optional(),
});

/** From `minQuantity` units on, each unit costs `percent` % less (the largest tier reached applies). */
export const quantityTierSchema = z.strictObject({
  minQuantity: z.number().int().min(2).max(MAX_QUANTITY),
  percent: z.number().gt(0).lt(100),
});

export const pricingSchema = z.strictObject({
  formulas: z.array(formulaPriceSchema).max(50).optional(),
  tables: z.array(priceTableSchema).max(20).optional(),
  tiers: z.array(quantityTierSchema).max(20).optional(),
});

export type FormulaPrice = z.infer<typeof formulaPriceSchema>;
export type PriceTable = z.infer<typeof priceTableSchema>;
export type Bands = z.infer<typeof bandsSchema>;
export type QuantityTier = z.infer<typeof quantityTierSchema>;
export type Pricing = z.infer<typeof pricingSchema>;
