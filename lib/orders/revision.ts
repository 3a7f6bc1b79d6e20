import type { OrderStatus } from "./status";
import type { OrderSnapshot, SnapshotChoice } from "./snapshot";

// Change orders (issue 23), the pure part: what differs between two snapshots of an order, in words, and which
// kind of change a customer may make at each stage. Shared by the service, the pages and the tests.

/** How a customer may change an order now: directly, only by asking the workshop, or not at all. */
export type ChangeMode = "direct" | "request" | "none";

/**
 * What a change does to an order, as the customer's review, the staff's request panel and the service show it:
 * its differences in words, and the price, production hours and promised date before and after. `Day` is a
 * Date on the server and an ISO string once sent to the browser.
 */
export type ChangeEffect<Day = string> = {
  differences: string[];
  totalBeforeCents: number;
  totalAfterCents: number;
  hoursBefore: number;
  hoursAfter: number;
  promisedBefore: Day;
  promisedAfter: Day;
};

/** The settings that say until which stage customers change directly and until which they may request a change. */
export type ChangePolicy = { changeDirectUntil: OrderStatus; changeRequestUntil: OrderStatus };

export const DEFAULT_CHANGE_POLICY: ChangePolicy = { changeDirectUntil: "CONFIRMED", changeRequestUntil: "IN_PRODUCTION" };

/** The stages a change can happen in, in order (an order awaiting approval, shipped or closed cannot change). */
export const CHANGEABLE_STAGES: readonly OrderStatus[] = ["PLACED", "CONFIRMED", "IN_PRODUCTION", "QUALITY_CHECK", "READY_TO_SHIP"];

/** Which kind of change the policy allows for an order in `status`. */
export function changeModeFor(status: OrderStatus, policy: ChangePolicy): ChangeMode {
  const at = CHANGEABLE_STAGES.indexOf(status);
  if (at < 0) return "none";
  if (at <= CHANGEABLE_STAGES.indexOf(policy.changeDirectUntil)) return "direct";
  if (at <= CHANGEABLE_STAGES.indexOf(policy.changeRequestUntil)) return "request";
  return "none";
}

/** Why a customer cannot change an order in `status` online. */
export function noChangeMessage(status: OrderStatus): string {
  if (status === "AWAITING_APPROVAL") return "This order is waiting for the workshop's approval; it can be changed once approved.";
  if (status === "CANCELLED") return "This order is cancelled, so it cannot be changed.";
  if (status === "SHIPPED" || status === "DELIVERED") return "This order has shipped, so it cannot be changed any more.";
  return "This order is too far along to be changed online. Please contact us.";
}

type Diffable = Pick<OrderSnapshot, "choices" | "quantity">;

const key = (c: SnapshotChoice) => c.group;

/**
 * The differences between the specification before and after, one line per group that changed, e.g.
 * "Upholstery: Wool boucle → Washed linen", "Width: 200 cm → 210 cm", "Cushions: added Lumbar", and the quantity.
 */
export function describeDifferences(before: Diffable, after: Diffable): string[] {
  const groups: { id: string; label: string }[] = [];
  for (const c of [...before.choices, ...after.choices]) if (!groups.some((g) => g.id === key(c))) groups.push({ id: key(c), label: c.groupLabel });
  const lines: string[] = [];
  for (const group of groups) {
    const was = before.choices.filter((c) => key(c) === group.id).map((c) => c.label);
    const now = after.choices.filter((c) => key(c) === group.id).map((c) => c.label);
    if (was.join("\u0000") === now.join("\u0000")) continue;
    const label = after.choices.find((c) => key(c) === group.id)?.groupLabel ?? group.label;
    if (was.length <= 1 && now.length <= 1) {
      lines.push(`${label}: ${was[0] ?? "none"} → ${now[0] ?? "none"}`);
      continue;
    }
    const added = now.filter((l) => !was.includes(l));
    const removed = was.filter((l) => !now.includes(l));
    lines.push(`${label}: ${[...added.map((l) => `added ${l}`), ...removed.map((l) => `removed ${l}`)].join(", ")}`);
  }
  if (before.quantity !== after.quantity) lines.push(`Quantity: ${before.quantity} → ${after.quantity}`);
  return lines;
}

/** The difference a move onto another version of the product makes, e.g. "Product version: 1 → 2". */
export function versionDifference(from: number, to: number): string {
  return `Product version: ${from} → ${to}`;
}

/** The event note a change writes (the order page, the build sheet and the timeline show it). */
export function revisionNote(kind: "applied" | "requested" | "declined", revision: number | null, differences: string[]): string {
  const what = differences.length ? differences.join("; ") : "no visible difference";
  if (kind === "applied") return `${CHANGE_NOTE_PREFIX} (revision ${revision}): ${what}`;
  if (kind === "requested") return `${REQUEST_NOTE_PREFIX}: ${what}`;
  return `Change request declined: ${what}`;
}

export const CHANGE_NOTE_PREFIX = "Specification changed";
export const REQUEST_NOTE_PREFIX = "Change requested";

/** Whether an event's note was written by a change order (applied, requested or decided). */
export function isChangeNote(note: string): boolean {
  return note.startsWith(CHANGE_NOTE_PREFIX) || note.startsWith(REQUEST_NOTE_PREFIX) || note.startsWith("Change request");
}
