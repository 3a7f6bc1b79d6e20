import type { Prisma } from "@/lib/db/client";

/** The latest outbox messages (both parts), newest first, for staff and admins. */
export function findOutbox(db: Prisma, take = 100) {
  return db.emailOutbox.findMany({
    orderBy: { createdAt: "desc" },
    take,
    select: { id: true, to: true, subject: true, text: true, html: true, status: true, attempts: true, lastError: true, createdAt: true, sentAt: true, order: { select: { number: true } } },
  });
}
