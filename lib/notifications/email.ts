import type { Tx } from "@/lib/db/types";

/** Both parts are required: the worker sends them together as multipart/alternative. */
export type EmailMessage = { to: string; subject: string; text: string; html: string; orderId?: string };

/**
 * Queues an email in the database outbox, inside the caller's transaction: it is sent (or shown in the
 * app's outbox) only if the change it announces commits, and sending can never fail that change.
 * (The confirmation of a new order is queued the same way by the place_order SQL function, in the
 * statement that writes the order: see lib/orders/record.ts.)
 */
export async function enqueueEmail(tx: Tx, message: EmailMessage): Promise<void> {
  await tx.emailOutbox.create({
    data: { to: message.to, subject: message.subject, text: message.text, html: message.html, orderId: message.orderId ?? null },
  });
}
