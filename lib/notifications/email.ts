import type { Tx } from "@/lib/db/types";

export type EmailMessage = { to: string; subject: string; text: string; html?: string; orderId?: string };

/**
 * Queues an email in the database outbox, inside the caller's transaction: it is sent (or shown in the
 * app's outbox) only if the change it announces commits, and sending can never fail that change.
 */
export async function enqueueEmail(tx: Tx, message: EmailMessage): Promise<void> {
  await tx.emailOutbox.create({
    data: { to: message.to, subject: message.subject, text: message.text, html: message.html ?? null, orderId: message.orderId ?? null },
  });
}
