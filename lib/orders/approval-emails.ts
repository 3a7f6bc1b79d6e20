import { formatDate } from "@/lib/dates";
import { formatCents } from "@/lib/money";
import { orderAction, renderEmail, type EmailSpec, type RenderedEmail } from "@/lib/notifications/templates";

// The emails of a large order's approval (fair use, issue 19): sent through the outbox like every order email.

type Facts = { number: string; customerName: string; productName: string; totalCents: number; currency: string; companyName: string; spec?: EmailSpec };

/** The email a customer receives when a large order is recorded and waits for the workshop's approval. */
export function awaitingApprovalEmail(order: Facts & { holdUntil: Date }): RenderedEmail {
  return renderEmail({
    subject: `Your order ${order.number} is waiting for the workshop's approval`,
    greeting: `Hello ${order.customerName},`,
    paragraphs: [
      `Thank you for your order of the ${order.productName}. It is a large order, so the workshop reviews it before scheduling it.`,
      `We answer by ${formatDate(order.holdUntil)}; the delivery date is set when we approve it. Nothing is charged before that.`,
    ],
    action: orderAction(order.number),
    facts: [["Order", order.number], ["Total", formatCents(order.totalCents, order.currency)], ["Waiting until", formatDate(order.holdUntil)]],
    spec: order.spec,
    footer: `${order.companyName}: made to order.`,
  });
}

/** The email a customer receives when the workshop approves a large order: its delivery date is now promised. */
export function approvedEmail(order: { number: string; customerName: string; productName: string; promisedDate: Date; spec?: EmailSpec }): RenderedEmail {
  return renderEmail({
    subject: `Order ${order.number}: approved`,
    greeting: `Hello ${order.customerName},`,
    paragraphs: [`The workshop approved your order of the ${order.productName} and reserved its production time.`],
    action: orderAction(order.number),
    facts: [["Order", order.number], ["Estimated delivery", formatDate(order.promisedDate)]],
    spec: order.spec,
    footer: "Atelier: made to order.",
  });
}
