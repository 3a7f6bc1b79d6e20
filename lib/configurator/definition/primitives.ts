import { z } from "zod";

// Field shapes shared by the definition and rule schemas (ids: ./id, shared with the selection schema).

export { ID_PATTERN } from "./selection-types";
export { idSchema } from "./id";
export const labelSchema = z.string().trim().min(1).max(120);
export const descriptionSchema = z.string().max(2000);
export const messageSchema = z.string().trim().min(1).max(300);
export const cents = z.number().int().min(0).max(100_000_000_00);
export const hours = z.number().min(0).max(100_000);
export const days = z.number().int().min(0).max(3650);
/** The id of a work centre (the workshop's own key, e.g. "upholstery"). */
export const WORK_CENTRE_PATTERN = /^[a-z0-9][a-z0-9-]{0,39}$/;
export const workCentreIdSchema = z
  .string()
  .regex(WORK_CENTRE_PATTERN, "Use 1-40 lowercase letters, digits or '-' (starting with a letter or digit)");
// A CSS colour: hex, a functional notation (rgb/hsl/oklch...) or a named colour; nothing that could escape an attribute.
export const colorSchema = z
  .string()
  .regex(/^(#[0-9a-fA-F]{3,8}|[a-z]{3,30}|[a-z]{3,8}\([0-9a-zA-Z.,%/\s+-]{1,80}\))$/, "Not a CSS colour");
export const pathDataSchema = z.string().max(20_000).regex(/^[MmLlHhVvCcSsQqTtAaZz0-9eE.,\s+-]*$/, "Not SVG path data");

