import type { Prisma } from "@/lib/db/client";
import type { ChangeEffect } from "./revision";
import type { OrderSnapshot } from "./snapshot";

// Reads of an order's revisions (issue 23) for the customer's order page, the build sheet and the staff pages.

export type RevisionEntry = ChangeEffect<Date> & {
  id: string;
  number: number | null;
  status: "PENDING" | "APPLIED" | "DECLINED";
  createdAt: Date;
  decidedAt: Date | null;
  reason: string;
  decisionNote: string;
  feeCents: number;
  bomBefore: OrderSnapshot["bom"];
  bomAfter: OrderSnapshot["bom"];
};

/** Every revision and request of one order, oldest first. */
export async function findOrderRevisions(db: Prisma, orderId: string): Promise<RevisionEntry[]> {
  const rows = await db.orderRevision.findMany({
    where: { orderId },
    orderBy: { createdAt: "asc" },
    select: {
      id: true, number: true, status: true, createdAt: true, decidedAt: true, differences: true, reason: true, decisionNote: true, totalBeforeCents: true,
      totalAfterCents: true, feeCents: true, hoursBefore: true, hoursAfter: true, promisedBefore: true, promisedAfter: true, snapshot: true, previousSnapshot: true,
    },
  });
  return rows.map(({ snapshot, previousSnapshot, differences, ...r }) => ({
    ...r,
    differences: Array.isArray(differences) ? (differences as string[]) : [],
    bomBefore: (previousSnapshot as Partial<OrderSnapshot>).bom ?? [],
    bomAfter: (snapshot as Partial<OrderSnapshot>).bom ?? [],
  }));
}

/** The order's current revision: its number and, once changed, the change that made it. */
export function currentRevision(revisions: RevisionEntry[]): RevisionEntry | null {
  return revisions.filter((r) => r.status === "APPLIED").at(-1) ?? null;
}
