import { change } from "@/lib/audit/changes";
import { writeAudit, type AuditInput } from "@/lib/audit/write";
import { dateOfDay, dayNumber, dayOfDate, hoursOnDay, isoDay } from "@/lib/delivery/calendar";
import { takeBookingLock } from "@/lib/delivery/capacity";
import { formatDate } from "@/lib/dates";
import type { Prisma } from "@/lib/db/client";
import { isUniqueViolation } from "@/lib/db/errors";
import { runTransaction } from "@/lib/db/transaction";
import type { Tx } from "@/lib/db/types";
import { bumpCalendarVersion } from "@/lib/settings/service";
import { hoursText, syncCapacityDays, WorkshopRefusal, type CapacityScope } from "./capacity-sync";
import { findOpenWork, findPublishedRoutingsUsing } from "./usage";
import type { ClosureInput, CreateWorkCentreInput, ExceptionInput, UpdateWorkCentreInput } from "./schema";
import { WEEKDAYS } from "./schema";

// Every change to the workshop's calendar runs through `calendarChange`: one transaction that takes the
// booking lock, makes the change, brings the booked days' capacity in line (refusing a day that would drop
// below its booked hours), bumps settings.calendar_version and writes the audit entry.

export type WorkshopResult = { ok: true; message: string } | { ok: false; message: string; field?: string };
type Actor = { id: string };
type Options = { now?: Date };
type Change = { message: string; audit: Omit<AuditInput, "actorId">; scope?: CapacityScope };

async function calendarChange(db: Prisma, actor: Actor, now: Date, change: (tx: Tx, today: number) => Promise<Change>): Promise<WorkshopResult> {
  const today = dayOfDate(now);
  try {
    return await runTransaction(db, async (tx) => {
      await takeBookingLock(tx);
      const done = await change(tx, today);
      if (done.scope) await syncCapacityDays(tx, done.scope, today);
      await bumpCalendarVersion(tx);
      await writeAudit(tx, { actorId: actor.id, ...done.audit });
      return { ok: true as const, message: done.message };
    });
  } catch (error) {
    if (error instanceof WorkshopRefusal) return { ok: false, message: error.message, ...(error.field ? { field: error.field } : {}) };
    throw error;
  }
}

const weekHoursText = (hours: number[]) => hours.map((h, i) => `${WEEKDAYS[i]!.slice(0, 3)} ${h}`).join(", ");
const dayText = (day: string) => formatDate(dateOfDay(dayNumber(day)));

async function centreOrRefuse(tx: Tx, id: string) {
  const centre = await tx.workCentre.findUnique({ where: { id } });
  if (!centre) throw new WorkshopRefusal("This work centre does not exist (any more). Reload the page.");
  return centre;
}

/** Adds a work centre (its key is what routings name) with its hours per weekday. */
export async function createWorkCentre(db: Prisma, actor: Actor, input: CreateWorkCentreInput, { now = new Date() }: Options = {}): Promise<WorkshopResult> {
  try {
    return await calendarChange(db, actor, now, async (tx) => {
      if (await tx.workCentre.findUnique({ where: { id: input.id }, select: { id: true } })) {
        throw new WorkshopRefusal(`A work centre with the key "${input.id}" already exists.`, "id");
      }
      const last = await tx.workCentre.aggregate({ _max: { sortOrder: true } });
      await tx.workCentre.create({ data: { id: input.id, name: input.name, weekdayHours: input.weekdayHours, sortOrder: (last._max.sortOrder ?? -1) + 1 } });
      return {
        message: `${input.name} added.`,
        audit: { action: "workshop.centre.create", entityType: "WorkCentre", entityId: input.id, summary: `Added ${input.name} (${weekHoursText(input.weekdayHours)})`, data: input,
          changes: [...change("Key", null, input.id), ...change("Name", null, input.name), ...change("Weekday hours", null, weekHoursText(input.weekdayHours))] },
      };
    });
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false, field: "id", message: `A work centre with the key "${input.id}" already exists.` };
    throw error;
  }
}

/** Renames a work centre and sets its hours per weekday; booked days from today on follow the new hours. */
export async function updateWorkCentre(db: Prisma, actor: Actor, input: UpdateWorkCentreInput, { now = new Date() }: Options = {}): Promise<WorkshopResult> {
  return calendarChange(db, actor, now, async (tx, today) => {
    const before = await centreOrRefuse(tx, input.id);
    const renamed = before.name !== input.name;
    const rehoured = before.weekdayHours.some((h, i) => h !== input.weekdayHours[i]);
    await tx.workCentre.update({ where: { id: input.id }, data: { name: input.name, weekdayHours: input.weekdayHours } });
    const parts = [
      ...(renamed ? [`renamed ${before.name} to ${input.name}`] : []),
      ...(rehoured ? [`weekday hours ${weekHoursText(before.weekdayHours)} → ${weekHoursText(input.weekdayHours)}`] : []),
    ];
    return {
      message: `${input.name} saved.`,
      scope: rehoured ? { centres: [input.id], from: today } : undefined,
      audit: {
        action: "workshop.centre.update", entityType: "WorkCentre", entityId: input.id,
        summary: parts.length ? `${input.name}: ${parts.join("; ")}` : `${input.name} saved without changes`,
        data: { before: { name: before.name, weekdayHours: before.weekdayHours }, after: { name: input.name, weekdayHours: input.weekdayHours } },
        changes: [...change("Name", before.name, input.name), ...change("Weekday hours", weekHoursText(before.weekdayHours), weekHoursText(input.weekdayHours))],
      },
    };
  });
}

/**
 * Deactivates a work centre (planning stops using it) or reactivates it. Refused while orders have open work
 * there or the current published version of a product routes an operation through it (naming them).
 */
export async function setWorkCentreActive(db: Prisma, actor: Actor, id: string, active: boolean, { now = new Date() }: Options = {}): Promise<WorkshopResult> {
  return calendarChange(db, actor, now, async (tx, today) => {
    const centre = await centreOrRefuse(tx, id);
    if (!active) {
      const open = await findOpenWork(tx, id, today);
      if (open.length) {
        throw new WorkshopRefusal(`${centre.name} has open work booked (${listOf(open)}): finish, cancel or move it before deactivating the centre.`);
      }
      const routings = await findPublishedRoutingsUsing(tx, id);
      if (routings.length) {
        throw new WorkshopRefusal(`${centre.name} is in the published routing of ${listOf(routings.map((r) => `${r.productName} (v${r.version})`))}: publish versions that do not use it first.`);
      }
    }
    if (centre.active !== active) await tx.workCentre.update({ where: { id }, data: { active } });
    return {
      message: `${centre.name} ${active ? "reactivated" : "deactivated"}.`,
      audit: { action: active ? "workshop.centre.activate" : "workshop.centre.deactivate", entityType: "WorkCentre", entityId: id, summary: `${active ? "Reactivated" : "Deactivated"} ${centre.name}`, changes: change("Active", centre.active, active) },
    };
  });
}

const listOf = (items: string[], max = 5) => (items.length > max ? `${items.slice(0, max).join(", ")} and ${items.length - max} more` : items.join(", "));

/** Sets a work centre's hours on one date (0 = closed, more than the weekday's = overtime), with a note. */
export async function setCalendarException(db: Prisma, actor: Actor, input: ExceptionInput, { now = new Date() }: Options = {}): Promise<WorkshopResult> {
  return calendarChange(db, actor, now, async (tx, today) => {
    const centre = await centreOrRefuse(tx, input.centre);
    const day = dayNumber(input.day);
    if (day < today) throw new WorkshopRefusal("Choose today or a later day: past days keep their hours.", "day");
    const where = { workCentreId_day: { workCentreId: input.centre, day: dateOfDay(day) } };
    const before = await tx.calendarException.findUnique({ where, select: { hours: true } });
    await tx.calendarException.upsert({
      where,
      create: { workCentreId: input.centre, day: dateOfDay(day), hours: input.hours, note: input.note },
      update: { hours: input.hours, note: input.note },
    });
    const what = input.hours === 0 ? "closed" : hoursText(input.hours);
    return {
      message: `${centre.name} on ${dayText(input.day)}: ${what}.`,
      scope: { centres: [input.centre], from: day, to: day },
      audit: {
        action: "workshop.exception.set", entityType: "WorkCentre", entityId: input.centre,
        summary: `${centre.name} on ${dayText(input.day)}: ${what}${input.note ? ` (${input.note})` : ""}${before ? `, was ${hoursText(before.hours)}` : ""}`,
        data: { day: input.day, hours: input.hours, note: input.note, before: before?.hours ?? null },
        changes: [
          ...change(`Hours on ${dayText(input.day)}`, before ? (before.hours === 0 ? "closed" : hoursText(before.hours)) : "weekday's hours", what),
          ...change("Note", null, input.note),
        ],
      },
    };
  });
}

/** Removes a date's exception: the centre works its weekday's hours that day again. */
export async function removeCalendarException(db: Prisma, actor: Actor, centreId: string, dayIso: string, { now = new Date() }: Options = {}): Promise<WorkshopResult> {
  return calendarChange(db, actor, now, async (tx, today) => {
    const centre = await centreOrRefuse(tx, centreId);
    const day = dayNumber(dayIso);
    const removed = await tx.calendarException.deleteMany({ where: { workCentreId: centreId, day: dateOfDay(day) } });
    if (removed.count === 0) throw new WorkshopRefusal(`${centre.name} has no exception on ${dayText(dayIso)} (any more).`);
    const weekday = hoursOnDay({ centres: [centre], exceptions: [], closures: [] }, centre.id, dayIso);
    return {
      message: `${centre.name} on ${dayText(dayIso)} follows its weekday again (${hoursText(weekday)}).`,
      scope: { centres: [centreId], from: day, to: day },
      audit: { action: "workshop.exception.remove", entityType: "WorkCentre", entityId: centreId, summary: `${centre.name} on ${dayText(dayIso)}: back to the weekday's ${hoursText(weekday)}`, data: { day: dayIso },
        changes: change(`Hours on ${dayText(dayIso)}`, "exception", `weekday's ${hoursText(weekday)}`) },
    };
  });
}

/** Closes the whole shop from its first to its last day (a holiday): no centre works, nothing is delivered. */
export async function addShopClosure(db: Prisma, actor: Actor, input: ClosureInput, { now = new Date() }: Options = {}): Promise<WorkshopResult> {
  return calendarChange(db, actor, now, async (tx, today) => {
    const first = dayNumber(input.firstDay);
    const last = dayNumber(input.lastDay);
    if (last < today) throw new WorkshopRefusal("This closure is over already: choose days from today on.", "lastDay");
    const closure = await tx.shopClosure.create({ data: { name: input.name, firstDay: dateOfDay(first), lastDay: dateOfDay(last) } });
    const span = first === last ? dayText(input.firstDay) : `${dayText(input.firstDay)} – ${dayText(input.lastDay)}`;
    return {
      message: `Shop closed ${span} (${input.name}).`,
      scope: { centres: "all", from: first, to: last },
      audit: { action: "workshop.closure.add", entityType: "ShopClosure", entityId: closure.id, summary: `Shop closed ${span}: ${input.name}`, data: input,
        changes: [...change("Closure", null, input.name), ...change("Days", null, span)] },
    };
  });
}

/** Removes a shop closure: the centres work their usual hours on those days again. */
export async function removeShopClosure(db: Prisma, actor: Actor, id: string, { now = new Date() }: Options = {}): Promise<WorkshopResult> {
  return calendarChange(db, actor, now, async (tx) => {
    const closure = await tx.shopClosure.findUnique({ where: { id } });
    if (!closure) throw new WorkshopRefusal("This closure does not exist (any more). Reload the page.");
    await tx.shopClosure.delete({ where: { id } });
    const first = isoDay(dayOfDate(closure.firstDay));
    const last = isoDay(dayOfDate(closure.lastDay));
    const span = first === last ? dayText(first) : `${dayText(first)} – ${dayText(last)}`;
    return {
      message: `Closure removed: ${closure.name} (${span}).`,
      scope: { centres: "all", from: dayNumber(first), to: dayNumber(last) },
      audit: { action: "workshop.closure.remove", entityType: "ShopClosure", entityId: id, summary: `Removed the closure ${closure.name} (${span})`, data: { name: closure.name, firstDay: first, lastDay: last },
        changes: [...change("Closure", closure.name, null), ...change("Days", span, null)] },
    };
  });
}
