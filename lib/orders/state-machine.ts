import { isStaff } from "@/lib/auth/roles";
import type { Role } from "@/lib/users/schema";
import type { OrderStatus } from "./status";

// The one order state machine (DESIGN.md "Order lifecycle"): pure, shared by the service, the pages and tests.

/** Where each status may go next, whoever asks. */
export const NEXT_STATUSES: Record<OrderStatus, readonly OrderStatus[]> = {
  // A large order (fair use): staff approve it (it books capacity then) or decline it; the customer may
  // withdraw it; an expired hold cancels it (lib/orders/holds.ts).
  AWAITING_APPROVAL: ["PLACED", "CANCELLED"],
  PLACED: ["CONFIRMED", "CANCELLED"],
  CONFIRMED: ["IN_PRODUCTION", "CANCELLED"],
  IN_PRODUCTION: ["QUALITY_CHECK", "CANCELLED"],
  QUALITY_CHECK: ["READY_TO_SHIP", "CANCELLED"],
  READY_TO_SHIP: ["SHIPPED", "CANCELLED"],
  SHIPPED: ["DELIVERED"],
  DELIVERED: [],
  CANCELLED: [],
};

/** Statuses a customer may still cancel their own order in. */
export const CUSTOMER_CANCELLABLE: readonly OrderStatus[] = ["AWAITING_APPROVAL", "PLACED", "CONFIRMED"];

/** The verb staff see on the button that moves an order into each status. */
export const TRANSITION_LABELS: Record<OrderStatus, string> = {
  AWAITING_APPROVAL: "Hold for approval",
  // Only an order awaiting approval moves into PLACED (placement itself is not a transition).
  PLACED: "Approve",
  CONFIRMED: "Confirm order",
  IN_PRODUCTION: "Start production",
  QUALITY_CHECK: "Finish production",
  READY_TO_SHIP: "Pass quality check",
  SHIPPED: "Ship",
  DELIVERED: "Mark delivered",
  CANCELLED: "Cancel order",
};

export type TransitionInput = {
  from: OrderStatus;
  to: OrderStatus;
  role: Role;
  /** Whether the actor is the order's customer (only matters for customers). */
  isOwner: boolean;
  reason?: string;
  carrier?: string;
  trackingNumber?: string;
};

export type TransitionCheck = { ok: true } | { ok: false; code: "forbidden" | "invalid"; message: string };

const filled = (value: string | undefined) => typeof value === "string" && value.trim() !== "";

/** The transitions a role may make from a status (customers: only cancelling their own order early). */
export function allowedTransitions(from: OrderStatus, role: Role, isOwner = true): OrderStatus[] {
  const next = NEXT_STATUSES[from];
  if (isStaff(role)) return [...next];
  if (role === "CUSTOMER" && isOwner && CUSTOMER_CANCELLABLE.includes(from)) return next.filter((s) => s === "CANCELLED");
  return [];
}

/** Whether one transition is allowed, and if not, a message saying why in words a user understands. */
export function checkTransition(input: TransitionInput): TransitionCheck {
  const { from, to, role } = input;
  if (!NEXT_STATUSES[from].includes(to)) {
    if (from === to) return { ok: false, code: "invalid", message: `The order is already ${label(to)}.` };
    if (from === "DELIVERED" || from === "CANCELLED") return { ok: false, code: "invalid", message: `A ${label(from)} order cannot change any more.` };
    if (to === "CANCELLED") return { ok: false, code: "invalid", message: "An order cannot be cancelled once it has shipped." };
    return { ok: false, code: "invalid", message: `An order cannot go from ${label(from)} to ${label(to)}; the next step is ${NEXT_STATUSES[from].filter((s) => s !== "CANCELLED").map(label).join(" or ")}.` };
  }
  if (role === "CUSTOMER") {
    if (to !== "CANCELLED" || !input.isOwner) return { ok: false, code: "forbidden", message: "Only the workshop can move an order through production." };
    if (!CUSTOMER_CANCELLABLE.includes(from)) return { ok: false, code: "forbidden", message: "Production has started, so the order can no longer be cancelled online. Please contact us." };
    return { ok: true };
  }
  if (!isStaff(role)) return { ok: false, code: "forbidden", message: "You may not change orders." };
  if (to === "CANCELLED" && !filled(input.reason)) return { ok: false, code: "invalid", message: "Give a reason for cancelling; the customer will read it." };
  if (to === "SHIPPED" && (!filled(input.carrier) || !filled(input.trackingNumber))) {
    return { ok: false, code: "invalid", message: "Shipping needs the carrier and the tracking number." };
  }
  return { ok: true };
}

/** The next forward stage (not cancelling), or null at the end of the line. */
export function nextStage(from: OrderStatus): OrderStatus | null {
  return NEXT_STATUSES[from].find((s) => s !== "CANCELLED") ?? null;
}

function label(status: OrderStatus): string {
  return status.toLowerCase().replace(/_/g, " ");
}
