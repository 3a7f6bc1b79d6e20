// ISO 8601 weeks in UTC ("2026-W49"): how the load view groups days.
//
// Plain integer arithmetic on UTC day numbers (days since 1970-01-01, a Thursday): a delivery plan
// walks up to 104 weeks, and a date library's per-call work (context dates, option objects) cost tens
// of microseconds per week key. UTC has no daylight saving time, so every day is DAY_MS long.

const WEEK_KEY = /^(\d{4})-W(\d{2})$/;
const DAY_MS = 86_400_000;

/** Days since 1970-01-01 of the UTC calendar day containing an instant (NaN for an invalid date). */
function dayNumber(date: Date): number {
  return Math.floor(date.getTime() / DAY_MS);
}

/** Day number of a UTC calendar date; works for every year (Date.UTC reads years 0-99 as 1900-1999). */
function dayOf(year: number, monthIndex: number, day: number): number {
  const date = new Date(0);
  date.setUTCFullYear(year, monthIndex, day);
  return dayNumber(date);
}

/** ISO weekday of a day number: 1 = Monday ... 7 = Sunday (1970-01-01 was a Thursday). */
function isoWeekday(day: number): number {
  return ((((day + 3) % 7) + 7) % 7) + 1;
}

/** The Monday of the ISO week containing a day. */
function mondayOf(day: number): number {
  return day - isoWeekday(day) + 1;
}

/** ISO week-year and week number of a day: the week belongs to the year of its Thursday. */
function isoWeekOf(day: number): { year: number; week: number } {
  const thursday = mondayOf(day) + 3;
  const year = new Date(thursday * DAY_MS).getUTCFullYear();
  return { year, week: Math.floor((thursday - dayOf(year, 0, 1)) / 7) + 1 };
}

/** 52 or 53: the ISO week of 28 December is always the last week of its year. */
function weeksInYear(year: number): number {
  return isoWeekOf(dayOf(year, 11, 28)).week;
}

function formatKey(year: number, week: number): string {
  return `${year}-W${String(week).padStart(2, "0")}`;
}

/** The ISO week key ("2026-W49") of the week containing a date, in UTC. */
export function weekKey(date: Date): string {
  const { year, week } = isoWeekOf(dayNumber(date));
  return formatKey(year, week);
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
  return week >= 1 && week <= weeksInYear(year) ? { year, week } : null;
}

/** Monday 00:00 UTC of an ISO week; throws on a malformed or non-existent key. */
export function weekStart(key: string): Date {
  const parsed = parseWeekKey(key);
  if (!parsed) throw new Error(`Not an ISO week: ${key}`);
  // Week 1 is the week containing 4 January.
  const firstMonday = mondayOf(dayOf(parsed.year, 0, 4));
  return new Date((firstMonday + (parsed.week - 1) * 7) * DAY_MS);
}

/** Sunday 00:00 UTC of an ISO week: its last calendar day. */
export function weekEnd(key: string): Date {
  return new Date(weekStart(key).getTime() + 6 * DAY_MS);
}

/** The keys of n consecutive ISO weeks, starting with the week that contains `from`. */
export function nextWeeks(from: Date, n: number): string[] {
  let { year, week } = isoWeekOf(dayNumber(from));
  let lastWeek = weeksInYear(year);
  return Array.from({ length: Math.max(0, n) }, (_, i) => {
    if (i > 0 && ++week > lastWeek) {
      year += 1;
      week = 1;
      lastWeek = weeksInYear(year);
    }
    return formatKey(year, week);
  });
}
