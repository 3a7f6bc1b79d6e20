const dateFormat = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });

/** A calendar date for people, e.g. "4 Dec 2026" (dates are stored in UTC). */
export function formatDate(date: Date): string {
  return dateFormat.format(date);
}
