import { emailSpecOf, orderAction, renderEmail, type RenderedEmail } from "@/lib/notifications/templates";
import { staffOrderUrl } from "@/lib/notifications/links";
import type { OrderSnapshot } from "@/lib/orders/snapshot";

// Every order message also goes out by email: a workshop message to the customer, a customer message to the
// shop (SHOP_EMAIL, else each active staff member). The message is quoted as plain text, line breaks kept.

type MessageFacts = { number: string; snapshot: OrderSnapshot; body: string; companyName: string };

/** To the customer: the workshop wrote on their order. */
export function workshopMessageEmail(input: MessageFacts & { customerName: string; authorName: string }): RenderedEmail {
  return renderEmail({
    subject: `Order ${input.number}: a message from the workshop`,
    greeting: `Hello ${input.customerName},`,
    paragraphs: [`The workshop wrote about your order of the ${input.snapshot.product.name}. Reply on your order page.`],
    quote: { author: `${input.authorName} (${input.companyName})`, body: input.body },
    action: { ...orderAction(input.number), label: "Read and reply" },
    facts: [["Order", input.number]],
    spec: emailSpecOf(input.snapshot),
    footer: `${input.companyName}: made to order.`,
  });
}

/** To the shop: a customer wrote on their order. */
export function customerMessageEmail(input: MessageFacts & { customerName: string; customerEmail: string }): RenderedEmail {
  return renderEmail({
    subject: `Order ${input.number}: message from ${input.customerName}`,
    greeting: "Hello,",
    paragraphs: [`${input.customerName} (${input.customerEmail}) wrote about order ${input.number}, the ${input.snapshot.product.name}. Reply on the order's staff page so the thread stays in one place.`],
    quote: { author: input.customerName, body: input.body },
    action: { label: "Reply on the order", url: staffOrderUrl(input.number) },
    facts: [["Order", input.number]],
    spec: emailSpecOf(input.snapshot),
    footer: `${input.companyName}: made to order.`,
  });
}
