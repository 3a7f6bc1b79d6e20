import { formatDate } from "@/lib/dates";
import { formatCents } from "@/lib/money";

export type RenderedEmail = { subject: string; text: string; html: string };

const escapeHtml = (value: string) =>
  value.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c);

/** Renders paragraphs and a list of facts as plain text and simple, safe HTML. */
export function renderEmail(input: { subject: string; greeting: string; paragraphs: string[]; facts: [string, string][]; footer: string }): RenderedEmail {
  const text = [
    input.greeting,
    "",
    ...input.paragraphs.flatMap((p) => [p, ""]),
    ...input.facts.map(([k, v]) => `${k}: ${v}`),
    "",
    input.footer,
  ].join("\n");
  const html = `<!doctype html><html><body style="font-family:system-ui,sans-serif;color:#1c1917;max-width:560px">
<p>${escapeHtml(input.greeting)}</p>
${input.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join("\n")}
<table style="border-collapse:collapse">${input.facts
    .map(([k, v]) => `<tr><th style="text-align:left;padding:4px 12px 4px 0;color:#57534e">${escapeHtml(k)}</th><td style="padding:4px 0">${escapeHtml(v)}</td></tr>`)
    .join("")}</table>
<p style="color:#78716c">${escapeHtml(input.footer)}</p>
</body></html>`;
  return { subject: input.subject, text, html };
}

/** The confirmation a customer receives when their order is recorded. */
export function orderPlacedEmail(order: {
  number: string; customerName: string; productName: string; totalCents: number; currency: string; promisedDate: Date; companyName: string;
}): RenderedEmail {
  return renderEmail({
    subject: `Your order ${order.number} is placed`,
    greeting: `Hello ${order.customerName},`,
    paragraphs: [
      `Thank you for your order of the ${order.productName}. We have recorded your configuration exactly as you chose it.`,
      "Our team confirms it within one working day; production starts after that, and you can follow every stage on your order page.",
    ],
    facts: [
      ["Order", order.number],
      ["Product", order.productName],
      ["Total", formatCents(order.totalCents, order.currency)],
      ["Estimated delivery", formatDate(order.promisedDate)],
    ],
    footer: `${order.companyName}: made to order.`,
  });
}

/** The email a customer receives when the workshop moves their promised delivery date (late work, re-promised by staff). */
export function repromisedEmail(order: { number: string; customerName: string; productName: string; promisedDate: Date; previousDate: Date; note: string }): RenderedEmail {
  return renderEmail({
    subject: `Order ${order.number}: new delivery date ${formatDate(order.promisedDate)}`,
    greeting: `Hello ${order.customerName},`,
    paragraphs: [
      `Work on your ${order.productName} is taking longer than we planned, so we have moved its delivery date from ${formatDate(order.previousDate)} to ${formatDate(order.promisedDate)}. We are sorry for the delay.`,
      ...(order.note ? [`From the workshop: ${order.note}`] : []),
    ],
    facts: [["Order", order.number], ["New delivery date", formatDate(order.promisedDate)], ["Previously", formatDate(order.previousDate)], ["Follow it at", `/orders/${order.number}`]],
    footer: "Atelier: made to order.",
  });
}
