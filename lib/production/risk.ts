import type { OrderStatus } from "@/lib/orders/status";

const DAY = 86_400_000;

export type Risk = "late" | "at_risk" | "on_track" | "done";

export type RiskInput = {
  status: OrderStatus;
  promisedDate: Date;
  /** The first and last day the order's operations are booked on (null when it holds no booking). */
  bookedDays: { first: Date; last: Date } | null;
  /** Late work was rolled forward past the promised date (lib/production/late-work.ts), until staff re-promise. */
  atRisk?: boolean;
  today: Date;
};

/** Whole calendar days from today (UTC) to the promised date; negative when it has passed. */
export function daysLeft(promisedDate: Date, today: Date): number {
  const start = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate());
  const end = Date.UTC(promisedDate.getUTCFullYear(), promisedDate.getUTCMonth(), promisedDate.getUTCDate());
  return Math.round((end - start) / DAY);
}

/**
 * Late: the promised date has passed and the order has not been delivered (a shipped order still on its way
 * counts: the customer does not have it yet). At risk: its late work was rolled forward
 * past the promise (at_risk, until re-promised), or it has not started production yet although a booked
 * production day has passed, or it is still in the workshop after its last booked day.
 */
export function assessRisk({ status, promisedDate, bookedDays, atRisk = false, today }: RiskInput): Risk {
  if (status === "DELIVERED" || status === "CANCELLED") return "done";
  if (status === "SHIPPED") return daysLeft(promisedDate, today) < 0 ? "late" : "done";
  // Awaiting approval: no date is promised yet (it is set when approved).
  if (status === "AWAITING_APPROVAL") return "on_track";
  if (daysLeft(promisedDate, today) < 0) return "late";
  if (atRisk) return "at_risk";
  if (!bookedDays) return "on_track";
  const notStarted = status === "PLACED" || status === "CONFIRMED";
  if (notStarted && daysLeft(bookedDays.first, today) < 0) return "at_risk";
  if (status === "IN_PRODUCTION" && daysLeft(bookedDays.last, today) < 0) return "at_risk";
  return "on_track";
}
