// The workshop's working calendar as planning reads it: work centres with hours per weekday, exceptions on
// dates (a holiday at 0 h, overtime above the weekday's hours) and shop-wide closures (nothing is scheduled
// or delivered on those days). Pure: the configurator runs it in the browser, the server at order time.
//
// Days are UTC calendar days. At the edges they are ISO strings ("2026-12-24"); inside, day numbers (days
// since 1970-01-01), so a plan walks arrays instead of parsing dates.

export type WorkshopCalendar = {
  /** The active work centres, in display order; weekdayHours[0] is Monday, [6] Sunday. */
  centres: { id: string; name: string; weekdayHours: number[] }[];
  /** Hours on a date instead of the weekday's, per centre. */
  exceptions: { centre: string; day: string; hours: number }[];
  /** Shop-wide closures, first to last day inclusive. */
  closures: { name: string; first: string; last: string }[];
};

const DAY_MS = 86_400_000;
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Day number of an ISO date ("2026-12-24"), or NaN when it is not one. */
export function dayNumber(iso: string): number {
  const match = ISO_DAY.exec(iso);
  if (!match) return Number.NaN;
  const time = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  const n = time / DAY_MS;
  return isoDay(n) === iso ? n : Number.NaN;
}

/** Day number of the UTC calendar day containing an instant. */
export function dayOfDate(date: Date): number {
  return Math.floor(date.getTime() / DAY_MS);
}

/** The ISO date of a day number. */
export function isoDay(n: number): string {
  return new Date(n * DAY_MS).toISOString().slice(0, 10);
}

/** Midnight UTC of a day number, as a Date. */
export function dateOfDay(n: number): Date {
  return new Date(n * DAY_MS);
}

/** 0 = Monday ... 6 = Sunday (1970-01-01 was a Thursday). */
export function weekdayIndex(n: number): number {
  return (((n + 3) % 7) + 7) % 7;
}

/** Capacity per centre and day over a window of days: what the planner and the pages walk. */
export type CapacityGrid = {
  /** Day number of the first day. */
  from: number;
  days: number;
  centres: { id: string; name: string; capacity: Float64Array }[];
  /** The name of the shop closure covering each day, or undefined. */
  closedBy: (string | undefined)[];
  /** True where the shop works: not closed, and some centre has hours. */
  open: Uint8Array;
};

/** Expands a calendar into hours per centre per day, `days` days from day number `from`. */
export function capacityGrid(calendar: WorkshopCalendar, from: number, days: number): CapacityGrid {
  const closedBy: (string | undefined)[] = new Array(days).fill(undefined);
  for (const closure of calendar.closures) {
    const first = Math.max(dayNumber(closure.first), from);
    const last = Math.min(dayNumber(closure.last), from + days - 1);
    for (let d = first; d <= last; d++) closedBy[d - from] = closure.name;
  }
  const index = new Map<string, number>();
  const centres = calendar.centres.map((centre, i) => {
    index.set(centre.id, i);
    const capacity = new Float64Array(days);
    let weekday = weekdayIndex(from);
    for (let offset = 0; offset < days; offset++) {
      capacity[offset] = centre.weekdayHours[weekday] ?? 0;
      weekday = weekday === 6 ? 0 : weekday + 1;
    }
    return { id: centre.id, name: centre.name, capacity };
  });
  for (const exception of calendar.exceptions) {
    const i = index.get(exception.centre);
    const offset = dayNumber(exception.day) - from;
    if (i !== undefined && offset >= 0 && offset < days) centres[i]!.capacity[offset] = exception.hours;
  }
  const open = new Uint8Array(days);
  for (let offset = 0; offset < days; offset++) {
    if (closedBy[offset] !== undefined) {
      for (const centre of centres) centre.capacity[offset] = 0;
      continue;
    }
    open[offset] = centres.some((c) => c.capacity[offset]! > 0) ? 1 : 0;
  }
  return { from, days, centres, closedBy, open };
}

/** The first day from `day` on that the shop works (not closed, some centre has hours), within the grid. */
export function firstOpenDay(grid: CapacityGrid, day: number): number {
  let open = day;
  while (open - grid.from < grid.days - 1 && !grid.open[open - grid.from]) open++;
  return open;
}

/** Hours a centre works on a day by its calendar (0 on a closure), for pages and calendar edits. */
export function hoursOnDay(calendar: WorkshopCalendar, centreId: string, day: string): number {
  const n = dayNumber(day);
  if (calendar.closures.some((c) => dayNumber(c.first) <= n && n <= dayNumber(c.last))) return 0;
  const exception = calendar.exceptions.findLast((e) => e.centre === centreId && e.day === day);
  if (exception) return exception.hours;
  return calendar.centres.find((c) => c.id === centreId)?.weekdayHours[weekdayIndex(n)] ?? 0;
}
