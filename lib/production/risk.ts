import type { OrderStatus } from "@/lib/orders/status";

const DAY = 86_400_000;

export type Risk = "late" | "at_risk" | "on_track" | "done";

export type RiskInput = {
  status: OrderStatus;
  promisedDate: Date;
  /** The ISO weeks ("2026-W49") the order's production hours are booked in, with each week's Monday. */
  bookedWeeks: { week: string; weekStart: Date }[];
  today: Date;
};

/** Whole calendar days from today (UTC) to the promised date; negative when it has passed. */
export function daysLeft(promisedDate: Date, today: Date): number {
  const start = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate());
  const end = Date.UTC(promisedDate.getUTCFullYear(), promisedDate.getUTCMonth(), promisedDate.getUTCDate());
  return Math.round((end - start) / DAY);
}

/**
 * Late: the promised date has passed and the order has not shipped. At risk: it has not started
 * production yet although a booked production week has already begun (the remaining booked weeks
 * cannot hold its hours), or it is still in the workshop after its last booked week ended.
 */
export function assessRisk({ status, promisedDate, bookedWeeks, today }: RiskInput): Risk {
  if (status === "SHIPPED" || status === "DELIVERED" || status === "CANCELLED") return "done";
  // Awaiting approval: no date is promised yet (it is set when approved).
  if (status === "AWAITING_APPROVAL") return "on_track";
  if (daysLeft(promisedDate, today) < 0) return "late";
  const starts = bookedWeeks.map((w) => w.weekStart.getTime()).sort((a, b) => a - b);
  const first = starts[0];
  const last = starts[starts.length - 1];
  const notStarted = status === "PLACED" || status === "CONFIRMED";
  if (notStarted && first !== undefined && first <= today.getTime()) return "at_risk";
  if ((status === "IN_PRODUCTION" || status === "QUALITY_CHECK") && last !== undefined && last + 7 * DAY <= today.getTime()) return "at_risk";
  return "on_track";
}
