import type { Tx } from "@/lib/db/types";
import type { WorkshopCalendar } from "@/lib/delivery/calendar";

// The workshop: its work centres, their calendars and the shop's closures, as planning and the pages read them.

export type WorkCentreSummary = { id: string; name: string; active: boolean; weekdayHours: number[] };

/** Every work centre (active first, then by sort order and name). */
export async function listWorkCentres(db: Tx): Promise<WorkCentreSummary[]> {
  const rows = await db.workCentre.findMany({
    select: { id: true, name: true, active: true, weekdayHours: true },
    orderBy: [{ active: "desc" }, { sortOrder: "asc" }, { name: "asc" }],
  });
  return rows;
}

const iso = (d: Date) => d.toISOString().slice(0, 10);

/** The calendar planning needs from `since` on (active centres, their exceptions, the shop's closures). */
export async function readWorkshopCalendar(db: Tx, since: Date): Promise<WorkshopCalendar> {
  const [centres, exceptions, closures] = await Promise.all([
    db.workCentre.findMany({ where: { active: true }, orderBy: [{ sortOrder: "asc" }, { name: "asc" }], select: { id: true, name: true, weekdayHours: true } }),
    db.calendarException.findMany({ where: { day: { gte: since } }, orderBy: { day: "asc" }, select: { workCentreId: true, day: true, hours: true } }),
    db.shopClosure.findMany({ where: { lastDay: { gte: since } }, orderBy: { firstDay: "asc" }, select: { name: true, firstDay: true, lastDay: true } }),
  ]);
  return {
    centres: centres.map((c) => ({ id: c.id, name: c.name, weekdayHours: c.weekdayHours })),
    exceptions: exceptions.map((e) => ({ centre: e.workCentreId, day: iso(e.day), hours: e.hours })),
    closures: closures.map((c) => ({ name: c.name, first: iso(c.firstDay), last: iso(c.lastDay) })),
  };
}

export type ExceptionRow = { centre: string; day: string; hours: number; note: string };
export type ClosureRow = { id: string; name: string; first: string; last: string };

/** The calendar exceptions from `since` on, by centre and date (the capacity page lists them). */
export async function findCalendarExceptions(db: Tx, since: Date): Promise<ExceptionRow[]> {
  const rows = await db.calendarException.findMany({ where: { day: { gte: since } }, orderBy: [{ workCentreId: "asc" }, { day: "asc" }], select: { workCentreId: true, day: true, hours: true, note: true } });
  return rows.map((r) => ({ centre: r.workCentreId, day: iso(r.day), hours: r.hours, note: r.note }));
}

/** The shop closures not over by `since`, first first. */
export async function findShopClosures(db: Tx, since: Date): Promise<ClosureRow[]> {
  const rows = await db.shopClosure.findMany({ where: { lastDay: { gte: since } }, orderBy: [{ firstDay: "asc" }, { name: "asc" }], select: { id: true, name: true, firstDay: true, lastDay: true } });
  return rows.map((r) => ({ id: r.id, name: r.name, first: iso(r.firstDay), last: iso(r.lastDay) }));
}
