import { addDays, addWeeks, getISOWeek, getISOWeekYear, getISOWeeksInYear, startOfISOWeek, startOfISOWeekYear } from "date-fns";
import { plain, utc, UTCDate } from "./utc-date";

// ISO 8601 weeks in UTC ("2026-W49"): the unit of production capacity.

const WEEK_KEY = /^(\d{4})-W(\d{2})$/;

/** The ISO week key ("2026-W49") of the week containing a date, in UTC. */
export function weekKey(date: Date): string {
  const year = getISOWeekYear(date, { in: utc });
  const week = getISOWeek(date, { in: utc });
  return `${year}-W${String(week).padStart(2, "0")}`;
}

/** True for a well-formed key of a week that exists (W53 only in long ISO years). */
export function isWeekKey(key: string): boolean {
  return parseWeekKey(key) !== null;
}

function parseWeekKey(key: string): { year: number; week: number } | null {
  const match = WEEK_KEY.exec(key);
  if (!match) return null;
  const year = Number(match[1]);
  const week = Number(match[2]);
  const weeks = getISOWeeksInYear(new UTCDate(Date.UTC(year, 5, 1)), { in: utc });
  return week >= 1 && week <= weeks ? { year, week } : null;
}

/** Monday 00:00 UTC of an ISO week; throws on a malformed or non-existent key. */
export function weekStart(key: string): Date {
  const parsed = parseWeekKey(key);
  if (!parsed) throw new Error(`Not an ISO week: ${key}`);
  const firstMonday = startOfISOWeekYear(new UTCDate(Date.UTC(parsed.year, 0, 4)), { in: utc });
  return plain(addWeeks(firstMonday, parsed.week - 1, { in: utc }));
}

/** Sunday 00:00 UTC of an ISO week: its last calendar day. */
export function weekEnd(key: string): Date {
  return plain(addDays(weekStart(key), 6, { in: utc }));
}

/** The keys of n consecutive ISO weeks, starting with the week that contains `from`. */
export function nextWeeks(from: Date, n: number): string[] {
  const monday = startOfISOWeek(from, { in: utc });
  return Array.from({ length: Math.max(0, n) }, (_, i) => weekKey(addWeeks(monday, i, { in: utc })));
}
