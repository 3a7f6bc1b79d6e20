import nodemailer from "nodemailer";
import type { Prisma } from "@/lib/db/client";

export type MailTransport = { sendMail: (message: { from: string; to: string; subject: string; text: string; html?: string }) => Promise<unknown> };

export const MAX_ATTEMPTS = 6;

/** Delay before attempt n+1 after n failures: 30 s, 1 min, 2 min, 4 min… capped at one hour. */
export function backoffMs(failures: number): number {
  return Math.min(60 * 60_000, 30_000 * 2 ** Math.max(0, failures - 1));
}

/** An SMTP transport from a URL such as smtp://user:pass@host:587 (nodemailer). */
export function smtpTransport(url: string): MailTransport {
  return nodemailer.createTransport(url);
}

/**
 * Sends the outbox's due messages, oldest first. A failure is recorded and retried later with back-off;
 * after MAX_ATTEMPTS it is marked FAILED. Orders never wait for this: it runs beside them.
 */
export async function sendPendingEmails(db: Prisma, transport: MailTransport, options: { from: string; batch?: number; now?: Date }) {
  const now = options.now ?? new Date();
  const due = await db.emailOutbox.findMany({
    where: { status: "PENDING", nextAttemptAt: { lte: now } },
    orderBy: { createdAt: "asc" },
    take: options.batch ?? 20,
  });
  let sent = 0;
  let failed = 0;
  for (const email of due) {
    // Claim the message so two workers (instances) never send it twice.
    const claimed = await db.emailOutbox.updateMany({
      where: { id: email.id, status: "PENDING", attempts: email.attempts },
      data: { attempts: { increment: 1 }, nextAttemptAt: new Date(now.getTime() + backoffMs(email.attempts + 1)) },
    });
    if (claimed.count !== 1) continue;
    try {
      await transport.sendMail({ from: options.from, to: email.to, subject: email.subject, text: email.text, html: email.html ?? undefined });
      await db.emailOutbox.update({ where: { id: email.id }, data: { status: "SENT", sentAt: new Date(), lastError: null } });
      sent++;
    } catch (error) {
      const attempts = email.attempts + 1;
      await db.emailOutbox.update({
        where: { id: email.id },
        data: { lastError: error instanceof Error ? error.message.slice(0, 500) : String(error), status: attempts >= MAX_ATTEMPTS ? "FAILED" : "PENDING" },
      });
      failed++;
    }
  }
  return { sent, failed };
}
