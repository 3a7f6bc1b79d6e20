import type { OrderStatus } from "@/lib/orders/status";

const DAY = 86_400_000;

export type Risk = "late" | "at_risk" | "on_track" | "done";

export type RiskInput = {
  status: OrderStatus;
  promisedDate: Date;
  /** The days (midnight UTC) the order's operations are booked on. */
  bookedDays: Date[];
  /** Late work rolled forward past what the promise allows (orders.at_risk): staff should re-promise. */
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
 * Late: the promised date has passed and the order has not shipped. At risk: its late work was rolled
 * forward past the promise, or it has not started production although a booked day has already passed,
 * or it is still in the workshop after its last booked day.
 */
export function assessRisk({ status, promisedDate, bookedDays, atRisk = false, today }: RiskInput): Risk {
  if (status === "SHIPPED" || status === "DELIVERED" || status === "CANCELLED") return "done";
  // Awaiting approval: no date is promised yet (it is set when approved).
  if (status === "AWAITING_APPROVAL") return "on_track";
  if (daysLeft(promisedDate, today) < 0) return "late";
  if (atRisk) return "at_risk";
  const days = bookedDays.map((d) => d.getTime()).sort((a, b) => a - b);
  const first = days[0];
  const last = days[days.length - 1];
  const startOfToday = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate());
  const notStarted = status === "PLACED" || status === "CONFIRMED";
  if (notStarted && first !== undefined && first < startOfToday) return "at_risk";
  if ((status === "IN_PRODUCTION" || status === "QUALITY_CHECK") && last !== undefined && last < startOfToday) return "at_risk";
  return "on_track";
}
