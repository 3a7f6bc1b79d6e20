import { dateOfDay } from "@/lib/delivery/calendar";
import type { Tx } from "@/lib/db/types";

// What still needs a work centre: orders with work open there, and the products whose current published
// version routes an operation through it (product_versions.definition.routing[].workCentre).

const CLOSED_ORDERS = ["CANCELLED", "SHIPPED", "DELIVERED"] as const;

/** Numbers of the orders with hours booked at the centre from `today` on, or an operation there not done yet. */
export async function findOpenWork(tx: Tx, centreId: string, today: number): Promise<string[]> {
  const orders = await tx.order.findMany({
    where: {
      status: { notIn: [...CLOSED_ORDERS] },
      OR: [
        { bookings: { some: { workCentreId: centreId, day: { gte: dateOfDay(today) } } } },
        { operations: { some: { workCentreId: centreId, status: { not: "DONE" } } } },
      ],
    },
    select: { number: true },
    orderBy: { number: "asc" },
  });
  return orders.map((o) => o.number);
}

/** The products whose current published version has an operation at the centre, with that version's number. */
export async function findPublishedRoutingsUsing(tx: Tx, centreId: string): Promise<{ productName: string; version: number }[]> {
  return tx.$queryRawUnsafe<{ productName: string; version: number }[]>(
    `SELECT p."name" AS "productName", v."version" AS "version"
       FROM "products" p JOIN "product_versions" v ON v."id" = p."current_version_id"
      WHERE v."status" = 'PUBLISHED'
        AND jsonb_typeof(v."definition" -> 'routing') = 'array'
        AND EXISTS (SELECT 1 FROM jsonb_array_elements(v."definition" -> 'routing') op
                     WHERE jsonb_typeof(op) = 'object' AND op ->> 'workCentre' = $1)
      ORDER BY p."name"`,
    centreId,
  );
}
