import type { Prisma } from "@/lib/db/client";
import { runTransaction } from "@/lib/db/transaction";
import type { Tx } from "@/lib/db/types";
import { isStaff } from "@/lib/auth/roles";
import { enqueueEmail } from "@/lib/notifications/email";
import type { OrderSnapshot } from "@/lib/orders/snapshot";
import { hitRateLimit, type RateLimitRule } from "@/lib/security/rate-limit";
import type { Role } from "@/lib/users/schema";
import { customerMessageEmail, workshopMessageEmail } from "./emails";
import { MESSAGE_RATE_LIMIT } from "./rate-limit";
import { sendMessageSchema } from "./schema";

export type MessageAuthor = { id: string; role: Role; name: string };

export type SendMessageResult =
  | { ok: true; messageId: string }
  | { ok: false; code: "not_found"; message: string }
  | { ok: false; code: "invalid"; message: string; errors: Record<string, string[]> }
  | { ok: false; code: "limited"; message: string; retryAfterMs: number };

/** At most this many staff addresses get a customer's message when no shop address (SHOP_EMAIL) is set. */
const MAX_STAFF_RECIPIENTS = 20;

/**
 * Posts a message on an order, in one transaction: counts it against the author's rate limit (before anything
 * else, so probing costs the same), finds the order the author may write on (its customer, or staff and
 * admins; anyone else learns nothing: "not_found"), writes the message (its trigger tells live pages), marks
 * what the other side wrote as read (answering means having read it), and queues the email: a workshop message
 * to the customer, a customer message to `shopEmail` or else to each active staff member.
 */
export async function sendOrderMessage(
  db: Prisma,
  input: { orderNumber: string; body: string; author: MessageAuthor; shopEmail?: string; limit?: RateLimitRule; now?: Date },
): Promise<SendMessageResult> {
  const parsed = sendMessageSchema.safeParse({ orderNumber: input.orderNumber, body: input.body });
  if (!parsed.success) {
    const errors: Record<string, string[]> = {};
    for (const issue of parsed.error.issues) (errors[issue.path.join(".") || "body"] ??= []).push(issue.message);
    const notFound = errors.orderNumber && !errors.body;
    if (notFound) return { ok: false, code: "not_found", message: "No such order." };
    return { ok: false, code: "invalid", message: errors.body?.[0] ?? "Check the message.", errors };
  }
  const { author } = input;
  const staff = isStaff(author.role);
  return runTransaction(db, async (tx) => {
    const limited = await hitRateLimit(tx, input.limit ?? MESSAGE_RATE_LIMIT, author.id, "messages in a short time");
    if (!limited.ok) return { ok: false as const, code: "limited" as const, message: limited.message, retryAfterMs: limited.retryAfterMs };
    const order = await tx.order.findFirst({
      // Scoped in the query: a customer only ever finds their own orders.
      where: { number: parsed.data.orderNumber, ...(staff ? {} : { customerId: author.id }) },
      select: { id: true, number: true, snapshot: true, customer: { select: { name: true, email: true, active: true } } },
    });
    if (!order) return { ok: false as const, code: "not_found" as const, message: "No such order." };
    const now = input.now ?? new Date();
    const side = staff ? "STAFF" : "CUSTOMER";
    const message = await tx.orderMessage.create({ data: { orderId: order.id, authorId: author.id, side, body: parsed.data.body, createdAt: now } });
    await markRead(tx, order.id, side, now);
    const settings = await tx.settings.findUnique({ where: { id: 1 }, select: { companyName: true } });
    const facts = { number: order.number, snapshot: order.snapshot as unknown as OrderSnapshot, body: parsed.data.body, companyName: settings?.companyName ?? "Atelier" };
    if (staff) {
      await enqueueEmail(tx, { to: order.customer.email, orderId: order.id, ...workshopMessageEmail({ ...facts, customerName: order.customer.name, authorName: author.name }) });
    } else {
      const email = customerMessageEmail({ ...facts, customerName: order.customer.name, customerEmail: order.customer.email });
      for (const to of await workshopRecipients(tx, input.shopEmail)) await enqueueEmail(tx, { to, orderId: order.id, ...email });
    }
    return { ok: true as const, messageId: message.id };
  });
}

/** Marks as read what the other side wrote on an order (the reader is `side`); returns how many were unread. */
export async function markRead(db: Tx, orderId: string, side: "CUSTOMER" | "STAFF", now = new Date()): Promise<number> {
  const updated = await db.orderMessage.updateMany({ where: { orderId, side: { not: side }, readAt: null }, data: { readAt: now } });
  return updated.count;
}

async function workshopRecipients(tx: Tx, shopEmail: string | undefined): Promise<string[]> {
  if (shopEmail) return [shopEmail];
  const staff = await tx.user.findMany({ where: { role: { in: ["STAFF", "ADMIN"] }, active: true }, select: { email: true }, orderBy: { createdAt: "asc" }, take: MAX_STAFF_RECIPIENTS });
  return staff.map((u) => u.email);
}
