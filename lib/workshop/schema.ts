import { z } from "zod";
import { dayNumber } from "@/lib/delivery/calendar";
import { hasNoNul, NUL_MESSAGE } from "@/lib/forms/text";

// What staff submit when they edit the workshop: work centres, their weekday hours, exceptions on dates and
// the shop's closures. Dates are ISO calendar days ("2026-12-24", UTC).

export const WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"] as const;
export const WEEKDAY_FIELDS = ["hours0", "hours1", "hours2", "hours3", "hours4", "hours5", "hours6"] as const;

export const centreIdSchema = z
  .string("Enter a key")
  .trim()
  .regex(/^[a-z0-9][a-z0-9-]{0,39}$/, "Use 1 to 40 lower-case letters, digits or dashes, starting with a letter or digit");

const nameSchema = z.string().trim().min(1, "Enter a name").max(80, "Use at most 80 characters").refine(hasNoNul, NUL_MESSAGE);

const hoursSchema = z.coerce
  .number("Enter a number of hours")
  .refine(Number.isFinite, "Enter a number of hours")
  .min(0, "Use 0 or more hours")
  .max(1000, "Use at most 1000 hours");

/** An ISO calendar day that exists ("2026-02-30" does not). */
export const isoDaySchema = z.string("Enter a date").trim().refine((d) => Number.isFinite(dayNumber(d)), "Enter a date like 2026-12-24");

/** The seven weekday fields (Monday first) as one list of hours; errors stay on their own field. */
const weekdayShape = Object.fromEntries(WEEKDAY_FIELDS.map((f) => [f, hoursSchema])) as Record<(typeof WEEKDAY_FIELDS)[number], typeof hoursSchema>;

const toWeekdayHours = <T extends Record<(typeof WEEKDAY_FIELDS)[number], number>>(v: T) => WEEKDAY_FIELDS.map((f) => v[f]);

export const createWorkCentreSchema = z
  .object({ id: centreIdSchema, name: nameSchema, ...weekdayShape })
  .transform((v) => ({ id: v.id, name: v.name, weekdayHours: toWeekdayHours(v) }));
export type CreateWorkCentreInput = z.infer<typeof createWorkCentreSchema>;

export const updateWorkCentreSchema = z
  .object({ id: centreIdSchema, name: nameSchema, ...weekdayShape })
  .transform((v) => ({ id: v.id, name: v.name, weekdayHours: toWeekdayHours(v) }));
export type UpdateWorkCentreInput = z.infer<typeof updateWorkCentreSchema>;

export const setActiveSchema = z.object({ id: centreIdSchema, active: z.enum(["true", "false"]).transform((v) => v === "true") });

export const exceptionSchema = z.object({
  centre: centreIdSchema,
  day: isoDaySchema,
  hours: hoursSchema,
  note: z.string().trim().max(120, "Use at most 120 characters").refine(hasNoNul, NUL_MESSAGE).default(""),
});
export type ExceptionInput = z.infer<typeof exceptionSchema>;

export const removeExceptionSchema = z.object({ centre: centreIdSchema, day: isoDaySchema });

export const MAX_CLOSURE_DAYS = 366;

export const closureSchema = z
  .object({ name: nameSchema, firstDay: isoDaySchema, lastDay: isoDaySchema })
  .refine((v) => dayNumber(v.lastDay) >= dayNumber(v.firstDay), { path: ["lastDay"], message: "The last day cannot be before the first" })
  .refine((v) => dayNumber(v.lastDay) - dayNumber(v.firstDay) < MAX_CLOSURE_DAYS, { path: ["lastDay"], message: `A closure lasts at most ${MAX_CLOSURE_DAYS} days` });
export type ClosureInput = z.infer<typeof closureSchema>;

export const removeClosureSchema = z.object({ id: z.string().trim().min(1, "Choose a closure").max(64, "Unknown closure").refine(hasNoNul, NUL_MESSAGE) });

/** The load view's window: how many ISO weeks from this one (12 by default, at most two years). */
export const LOAD_WEEKS = { initial: 12, step: 12, max: 104 } as const;
