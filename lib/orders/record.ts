import type { Tx } from "@/lib/db/types";
import { CapacityConflictError, isCapacityConflict } from "@/lib/delivery/capacity";
import { weekStart } from "@/lib/delivery/weeks";
import type { EmailMessage } from "@/lib/notifications/email";
import type { OrderRateLimit } from "./rate-limit";
import type { SnapshotChoice } from "./snapshot";

/** Every column of a new order that is not a default (its status is PLACED). */
export type OrderRow = {
  number: string;
  customerId: string;
  productId: string;
  productVersionId: string;
  quantity: number;
  selection: unknown;
  snapshot: unknown;
  configHash: string;
  currency: string;
  unitPriceCents: number;
  totalCents: number;
  leadDays: number;
  productionHours: number;
  /** ISO date, e.g. "2027-01-15". */
  promisedDate: string;
  shippingAddress: unknown;
  notes: string;
  idempotencyKey: string;
  placedAt: string;
};

export type OrderWrite = {
  order: OrderRow;
  choices: SnapshotChoice[];
  email: Omit<EmailMessage, "orderId"> | null;
  limit: OrderRateLimit | undefined;
  bookings: { week: string; hours: number }[];
  defaultWeeklyHours: number;
};

/** What place_order answered (see prisma/sql/place_order.sql). */
export type WriteResult =
  | { status: "placed"; id: string; number: string }
  | { status: "replay"; number: string; customerId: string }
  | { status: "limited"; retryAt: string };

/**
 * Writes a planned order inside the caller's transaction, which holds the booking lock, in one statement
 * (the place_order function): the order, its option rows, the PLACED event, the email, the audit entry and
 * the capacity bookings; or nothing, when the key was used already or the customer reached their limit.
 * A week that cannot take the hours (only when capacity was lowered at that moment) raises
 * CapacityConflictError, and the transaction runs again on fresh figures.
 */
export async function writeOrder(tx: Tx, write: OrderWrite): Promise<WriteResult> {
  const payload = JSON.stringify({
    ...write,
    limit: write.limit ? { count: write.limit.count, windowSeconds: write.limit.windowMs / 1000 } : null,
    bookings: write.bookings.map((b) => ({ ...b, weekStart: weekStart(b.week).toISOString().slice(0, 10) })),
  });
  try {
    const [row] = await tx.$queryRaw<{ result: WriteResult }[]>`SELECT "place_order"(${payload}::jsonb) AS "result"`;
    if (!row) throw new Error("place_order returned nothing");
    return row.result;
  } catch (error) {
    if (isCapacityConflict(error)) throw new CapacityConflictError(write.bookings.map((b) => b.week).join(", "));
    throw error;
  }
}
