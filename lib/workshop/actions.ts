"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { authorizeAction } from "@/lib/auth/guards";
import { getDb } from "@/lib/db";
import type { Prisma } from "@/lib/db/client";
import { formTexts } from "@/lib/forms/read";
import { SAVE_FAILED, type FormState } from "@/lib/forms/state";
import type { PublicUser } from "@/lib/users/service";
import {
  closureSchema,
  createWorkCentreSchema,
  exceptionSchema,
  removeClosureSchema,
  removeExceptionSchema,
  setActiveSchema,
  updateWorkCentreSchema,
  WEEKDAY_FIELDS,
} from "./schema";
import {
  addShopClosure,
  createWorkCentre,
  removeCalendarException,
  removeShopClosure,
  setCalendarException,
  setWorkCentreActive,
  updateWorkCentre,
  type WorkshopResult,
} from "./service";

// The capacity page's forms: staff and admins edit work centres, their calendars and the shop's closures.
// Each action: authorize (re-reading the caller) -> parse -> the service's one transaction -> revalidate.

const STAFF_ONLY = "Only staff and admins can change the workshop's calendar.";

/** Runs one workshop edit for a staff member or admin, with the submitted `fields` parsed by `schema`. */
async function workshopAction<S extends z.ZodType>(
  formData: FormData,
  fields: readonly string[],
  schema: S,
  run: (db: Prisma, user: PublicUser, input: z.output<S>) => Promise<WorkshopResult>,
): Promise<FormState> {
  const caller = await authorizeAction("staff");
  if (!caller.ok) return caller.refusal.message.startsWith("Only staff") ? { ok: false, message: STAFF_ONLY } : caller.refusal;
  const values = formTexts(formData, fields);
  const parsed = schema.safeParse(values);
  if (!parsed.success) return { ok: false, errors: z.flattenError(parsed.error).fieldErrors as Record<string, string[]>, values };
  let result: WorkshopResult;
  try {
    result = await run(await getDb(), caller.user, parsed.data);
  } catch (error) {
    console.error("workshop change failed", error);
    return { ok: false, message: SAVE_FAILED, values };
  }
  if (!result.ok) return result.field ? { ok: false, errors: { [result.field]: [result.message] }, message: result.message, values } : { ok: false, message: result.message, values };
  revalidatePath("/staff/capacity");
  return { ok: true, message: result.message };
}

/** Adds a work centre. */
export async function createWorkCentreAction(_: FormState, formData: FormData): Promise<FormState> {
  return workshopAction(formData, ["id", "name", ...WEEKDAY_FIELDS], createWorkCentreSchema, (db, user, input) => createWorkCentre(db, user, input));
}

/** Renames a work centre and sets its weekday hours. */
export async function updateWorkCentreAction(_: FormState, formData: FormData): Promise<FormState> {
  return workshopAction(formData, ["id", "name", ...WEEKDAY_FIELDS], updateWorkCentreSchema, (db, user, input) => updateWorkCentre(db, user, input));
}

/** Deactivates or reactivates a work centre. */
export async function setWorkCentreActiveAction(_: FormState, formData: FormData): Promise<FormState> {
  return workshopAction(formData, ["id", "active"], setActiveSchema, (db, user, input) => setWorkCentreActive(db, user, input.id, input.active));
}

/** Sets a work centre's hours on one date (0 = closed). */
export async function setCalendarExceptionAction(_: FormState, formData: FormData): Promise<FormState> {
  return workshopAction(formData, ["centre", "day", "hours", "note"], exceptionSchema, (db, user, input) => setCalendarException(db, user, input));
}

/** Removes a date's exception from a work centre's calendar. */
export async function removeCalendarExceptionAction(_: FormState, formData: FormData): Promise<FormState> {
  return workshopAction(formData, ["centre", "day"], removeExceptionSchema, (db, user, input) => removeCalendarException(db, user, input.centre, input.day));
}

/** Closes the whole shop over a range of days. */
export async function addShopClosureAction(_: FormState, formData: FormData): Promise<FormState> {
  return workshopAction(formData, ["name", "firstDay", "lastDay"], closureSchema, (db, user, input) => addShopClosure(db, user, input));
}

/** Removes a shop closure. */
export async function removeShopClosureAction(_: FormState, formData: FormData): Promise<FormState> {
  return workshopAction(formData, ["id"], removeClosureSchema, (db, user, input) => removeShopClosure(db, user, input.id));
}
