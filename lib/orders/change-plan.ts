import { evaluate, normalize, parseDefinition, type Definition, type EvaluateResult, type Problem, type Selection } from "@/lib/configurator";
import { getCurrentVersion } from "@/lib/catalog/queries";
import type { Tx } from "@/lib/db/types";
import type { BookedHours, OperationNeed, Schedule } from "@/lib/delivery/schedule";
import { scheduleOrder } from "@/lib/delivery/schedule";
import type { WorkshopCalendar } from "@/lib/delivery/calendar";
import { buildSnapshot, type OrderSnapshot } from "./snapshot";
import { describeDifferences, versionDifference } from "./revision";

// Change orders (issue 23): re-validating and re-pricing a new specification on the order's own product version
// (or on the product's current one, when the customer moves the order onto it), and re-planning the work that
// has not started, on the same planner and capacity placement uses.

const DAY_MS = 86_400_000;

/** The order as a change reads it. */
export type ChangeableOrder = {
  id: string;
  number: string;
  customerId: string;
  status: import("./status").OrderStatus;
  version: number;
  revision: number;
  quantity: number;
  snapshot: unknown;
  configHash: string;
  currency: string;
  totalCents: number;
  leadDays: number;
  productionHours: number;
  promisedDate: Date;
  createdAt: Date;
  product: { id: string; slug: string; name: string };
  productVersion: { id: string; version: number; definition: unknown };
  customer: { name: string; email: string };
};

export const changeableOrderSelect = {
  id: true, number: true, customerId: true, status: true, version: true, revision: true, quantity: true, snapshot: true, configHash: true,
  currency: true, totalCents: true, leadDays: true, productionHours: true, promisedDate: true, createdAt: true,
  product: { select: { id: true, slug: true, name: true } },
  productVersion: { select: { id: true, version: true, definition: true } },
  customer: { select: { name: true, email: true } },
} as const;

/** The product version a change is priced on: the order's own, or the product's current one (with its parsed definition). */
export type TargetVersion = { id: string; version: number; definition: unknown };

export type CheckedChange =
  | { ok: true; definition: Definition; version: { id: string; version: number }; selection: Selection; evaluation: EvaluateResult; snapshot: OrderSnapshot; choices: ReturnType<typeof buildSnapshot>["choices"]; configHash: string; differences: string[] }
  | { ok: false; code: "invalid" | "unchanged"; message: string; problems: Pick<Problem, "group" | "message">[] };

/**
 * Normalizes and evaluates the new selection on `target`: the order's own product version by default (the
 * version it was priced from: editing the product never changes an order in flight), or the product's current
 * version when the customer moves their order onto it (the caller checked it is current). Builds the snapshot it
 * would keep; the promised date is filled in by the plan. A move onto another version is itself a difference.
 */
export function checkChange(order: ChangeableOrder, rawSelection: unknown, quantity: number, target: TargetVersion = order.productVersion): CheckedChange {
  const parsed = parseDefinition(target.definition);
  if (!parsed.ok) return { ok: false, code: "invalid", message: "This product's definition cannot be read; please contact us.", problems: [] };
  const definition = parsed.definition;
  const normalized = normalize(definition, rawSelection);
  if (!normalized.ok) return { ok: false, code: "invalid", message: "This configuration is not valid.", problems: normalized.errors };
  const evaluation = evaluate(definition, normalized.selection, { quantity });
  if (!evaluation.valid) return { ok: false, code: "invalid", message: `This configuration cannot be ordered as it is: ${evaluation.problems.map((p) => p.message).join("; ")}`, problems: evaluation.problems };
  const built = buildSnapshot({
    product: { ...order.product, version: { id: target.id, version: target.version, definition } },
    selection: normalized.selection,
    evaluation,
    currency: order.currency,
    promisedDate: order.promisedDate,
  });
  if (built.configHash === order.configHash) return { ok: false, code: "unchanged", message: "This is the specification your order already has: there is nothing to change.", problems: [] };
  const moved = target.id === order.productVersion.id ? [] : [versionDifference(order.productVersion.version, target.version)];
  const differences = [...moved, ...describeDifferences(order.snapshot as OrderSnapshot, built.json)];
  return { ok: true, definition, version: { id: target.id, version: target.version }, selection: normalized.selection, evaluation, snapshot: built.json, choices: built.choices, configHash: built.configHash, differences };
}

/**
 * The version a change is priced on: the order's own when `versionId` is absent or its own; otherwise it must be
 * the product's current published version (a customer moves their order onto what the catalog sells now, never
 * onto an older or a draft version). Null when it is not (the product was updated again or taken out meanwhile).
 */
export async function changeTarget(db: Tx, order: ChangeableOrder, versionId: string | null | undefined): Promise<TargetVersion | null> {
  if (!versionId || versionId === order.productVersion.id) return order.productVersion;
  const current = await getCurrentVersion(db, order.product.id);
  return current && current.id === versionId ? current : null;
}

/** Why a change onto a version that is no longer the product's current one is refused. */
export const TARGET_GONE_MESSAGE = "The product was updated or taken out of the catalog since you opened this page. Nothing was changed; open the change again to see its current version.";

/** An operation of the order that has started or finished: it keeps its hours and bookings through a change. */
export type StartedOperation = { operationKey: string; seq: number; hours: number; plannedEnd: Date | null };

/**
 * Plans the work a changed specification needs that has not started yet: operations already started or done
 * keep theirs; the others are planned into the free hours from today, after the materials (counted from the
 * day the order was placed, so a change does not lose its place in the queue) and after the work already done.
 * `booked` must not include this order's own pending bookings (they are given back by the change).
 */
export function planChange(input: {
  order: Pick<ChangeableOrder, "createdAt">;
  evaluation: EvaluateResult;
  started: StartedOperation[];
  now: Date;
  shippingDays: number;
  calendar: WorkshopCalendar;
  booked: BookedHours;
}): { plan: Schedule; operations: OperationNeed[]; productionHours: number } {
  const startedKeys = new Set(input.started.map((o) => o.operationKey));
  const operations = input.evaluation.operations.filter((o) => o.hours > 0 && !startedKeys.has(o.key));
  const today = Math.floor(input.now.getTime() / DAY_MS);
  const placed = Math.floor(input.order.createdAt.getTime() / DAY_MS);
  const lastStartedEnd = Math.max(-Infinity, ...input.started.map((o) => (o.plannedEnd ? Math.floor(o.plannedEnd.getTime() / DAY_MS) + 1 : today)));
  const ready = Math.max(placed + input.evaluation.leadDays, lastStartedEnd);
  const leadDays = Math.max(0, ready - today);
  const plan = scheduleOrder({ today: input.now, leadDays, operations, shippingDays: input.shippingDays, calendar: input.calendar, booked: input.booked, trace: true });
  const productionHours = Math.round((input.started.reduce((s, o) => s + o.hours, 0) + operations.reduce((s, o) => s + o.hours, 0)) * 1e6) / 1e6;
  return { plan, operations, productionHours };
}

/** Hours booked per centre and day minus this order's own bookings of work not started (a change gives them back). */
export function withoutOwnBookings(booked: BookedHours, own: { workCentreId: string; day: Date; hours: number }[]): BookedHours {
  const copy: BookedHours = {};
  for (const [centre, days] of Object.entries(booked)) copy[centre] = { ...days };
  for (const b of own) {
    const day = b.day.toISOString().slice(0, 10);
    const row = copy[b.workCentreId];
    if (row && row[day] !== undefined) row[day] = Math.max(0, Math.round((row[day]! - b.hours) * 1e6) / 1e6);
  }
  return copy;
}

/** The order's operations that started or finished, and its bookings of work not started. */
export async function readOrderWork(tx: Tx, orderId: string) {
  // One after the other: inside a transaction the statements share one connection.
  const started = await tx.orderOperation.findMany({ where: { orderId, status: { not: "PENDING" } }, select: { operationKey: true, seq: true, hours: true, plannedEnd: true }, orderBy: { seq: "asc" } });
  const pendingBookings = await tx.capacityBooking.findMany({ where: { orderId, operation: { status: "PENDING" } }, select: { workCentreId: true, day: true, hours: true } });
  return { started, pendingBookings };
}
