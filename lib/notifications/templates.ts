import type { Breakdown } from "@/lib/configurator";
import { lineText } from "@/lib/configurator/evaluate/line-text";
import { formatDate } from "@/lib/dates";
import { formatCents } from "@/lib/money";
import { escapeHtml } from "@/lib/html";
import { escapeMultiline, safeHref } from "./html";
import { orderUrl } from "./links";

/** Every email has both parts: the text one and the HTML one (sent together as multipart/alternative). */
export type RenderedEmail = { subject: string; text: string; html: string };

/** A link the email leads to: absolute (see ./links), shown as a button in HTML and as "label: url" in text. */
export type EmailAction = { label: string; url: string };

/** An order's full specification and price, as the customer ordered it (from the order's snapshot). */
export type EmailSpec = {
  productName: string;
  quantity: number;
  currency: string;
  choices: { groupLabel: string; label: string; priceCents: number }[];
  breakdown: Breakdown;
};

/** A message quoted in an email (an order message): the author's line breaks are kept, nothing becomes markup. */
export type EmailQuote = { author: string; body: string };

export type EmailContent = {
  subject: string;
  greeting: string;
  paragraphs: string[];
  action?: EmailAction;
  quote?: EmailQuote;
  facts: [string, string][];
  spec?: EmailSpec;
  footer: string;
};

type SnapshotLike = { product: { name: string }; quantity: number; currency: string; choices: EmailSpec["choices"]; breakdown: Breakdown };

/**
 * The specification of an order snapshot (lib/orders/snapshot.ts) for an email, or undefined when the stored
 * snapshot lacks its parts (rows written by hand or before snapshots held them): an email never fails the change it announces.
 */
export function emailSpecOf(snapshot: SnapshotLike | null | undefined): EmailSpec | undefined {
  const s = snapshot as Partial<SnapshotLike> | null | undefined;
  if (!s?.product?.name || !Array.isArray(s.choices) || !Array.isArray(s.breakdown?.lines) || typeof s.breakdown.totalCents !== "number" || typeof s.currency !== "string") return undefined;
  return { productName: s.product.name, quantity: s.quantity ?? 1, currency: s.currency, choices: s.choices, breakdown: s.breakdown };
}

function specText(spec: EmailSpec): string[] {
  const money = (cents: number) => formatCents(cents, spec.currency);
  return [
    `Specification: ${spec.productName}`,
    ...spec.choices.map((c) => `- ${c.groupLabel}: ${c.label}${c.priceCents !== 0 ? ` (${money(c.priceCents)})` : ""}`),
    `- Quantity: ${spec.quantity}`,
    "",
    "Price",
    ...spec.breakdown.lines.map((line) => `- ${lineText(line, money)}: ${money(line.amountCents)}`),
    `Total: ${money(spec.breakdown.totalCents)}`,
  ];
}

const TH = 'style="text-align:left;padding:4px 12px 4px 0;color:#57534e;font-weight:normal;vertical-align:top"';
const TD = 'style="padding:4px 0;text-align:right;vertical-align:top"';

function specHtml(spec: EmailSpec): string {
  const money = (cents: number) => escapeHtml(formatCents(cents, spec.currency));
  const rows = (items: [string, string][]) => items.map(([k, v]) => `<tr><th scope="row" ${TH}>${escapeHtml(k)}</th><td ${TD}>${v}</td></tr>`).join("");
  return `<h2 style="font-size:16px;margin:24px 0 8px">Specification: ${escapeHtml(spec.productName)}</h2>
<table role="presentation" style="border-collapse:collapse;width:100%">${rows([
    ...spec.choices.map((c): [string, string] => [c.groupLabel, `${escapeHtml(c.label)}${c.priceCents !== 0 ? ` <span style="color:#78716c">${money(c.priceCents)}</span>` : ""}`]),
    ["Quantity", String(spec.quantity)],
  ])}</table>
<h2 style="font-size:16px;margin:24px 0 8px">Price</h2>
<table role="presentation" style="border-collapse:collapse;width:100%">${rows(spec.breakdown.lines.map((line): [string, string] => [lineText(line, (c) => formatCents(c, spec.currency)), money(line.amountCents)]))}
<tr><th scope="row" ${TH.replace("font-weight:normal", "font-weight:bold;color:#1c1917")}>Total</th><td ${TD.replace("text-align:right", "text-align:right;font-weight:bold")}>${money(spec.breakdown.totalCents)}</td></tr></table>`;
}

/**
 * Renders an email's text part and HTML part from the same content. Every string is escaped in the HTML,
 * line breaks of a quoted message are kept in both, and the action link must be absolute (it throws otherwise).
 */
export function renderEmail(input: EmailContent): RenderedEmail {
  const text = [
    input.greeting,
    "",
    ...input.paragraphs.flatMap((p) => [p, ""]),
    ...(input.quote ? [`${input.quote.author} wrote:`, ...input.quote.body.split(/\r\n|\r|\n/).map((l) => `> ${l}`), ""] : []),
    ...(input.action ? [`${input.action.label}: ${input.action.url}`, ""] : []),
    ...input.facts.map(([k, v]) => `${k}: ${v}`),
    ...(input.spec ? ["", ...specText(input.spec)] : []),
    "",
    input.footer,
  ].join("\n");
  const action = input.action
    ? `<p style="margin:24px 0"><a href="${safeHref(input.action.url)}" style="display:inline-block;background:#1c1917;color:#ffffff;padding:10px 18px;border-radius:6px;text-decoration:none;font-weight:600">${escapeHtml(input.action.label)}</a></p>
<p style="font-size:13px;color:#78716c">Or copy this address into your browser: <a href="${safeHref(input.action.url)}" style="color:#44403c">${escapeHtml(input.action.url)}</a></p>`
    : "";
  const quote = input.quote
    ? `<p style="margin:16px 0 4px;color:#57534e">${escapeHtml(input.quote.author)} wrote:</p><blockquote style="margin:0;padding:8px 12px;border-left:3px solid #d6d3d1;background:#fafaf9">${escapeMultiline(input.quote.body)}</blockquote>`
    : "";
  const facts = input.facts.length
    ? `<table role="presentation" style="border-collapse:collapse">${input.facts.map(([k, v]) => `<tr><th scope="row" ${TH}>${escapeHtml(k)}</th><td style="padding:4px 0">${escapeHtml(v)}</td></tr>`).join("")}</table>`
    : "";
  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${escapeHtml(input.subject)}</title></head>
<body style="margin:0;padding:24px;background:#f5f5f4"><div style="font-family:system-ui,-apple-system,'Segoe UI',sans-serif;font-size:15px;line-height:1.5;color:#1c1917;max-width:560px;margin:0 auto;background:#ffffff;padding:24px;border-radius:8px">
<p>${escapeHtml(input.greeting)}</p>
${input.paragraphs.map((p) => `<p>${escapeMultiline(p)}</p>`).join("\n")}
${quote}
${action}
${facts}
${input.spec ? specHtml(input.spec) : ""}
<p style="margin-top:24px;color:#78716c;font-size:13px">${escapeHtml(input.footer)}</p>
</div></body></html>`;
  return { subject: input.subject, text, html };
}

/** The facts and link every order email carries: the order's number and its page. */
export function orderAction(number: string): EmailAction {
  return { label: "View your order", url: orderUrl(number) };
}

/** The confirmation a customer receives when their order is recorded. */
export function orderPlacedEmail(order: {
  number: string; customerName: string; productName: string; totalCents: number; currency: string; promisedDate: Date; companyName: string; spec?: EmailSpec;
}): RenderedEmail {
  return renderEmail({
    subject: `Your order ${order.number} is placed`,
    greeting: `Hello ${order.customerName},`,
    paragraphs: [
      `Thank you for your order of the ${order.productName}. We have recorded your configuration exactly as you chose it.`,
      "Our team confirms it within one working day; production starts after that, and you can follow every stage on your order page.",
    ],
    action: orderAction(order.number),
    facts: [
      ["Order", order.number],
      ["Total", formatCents(order.totalCents, order.currency)],
      ["Estimated delivery", formatDate(order.promisedDate)],
    ],
    spec: order.spec,
    footer: `${order.companyName}: made to order.`,
  });
}

/** The email a customer receives when the workshop moves their promised delivery date (late work, re-promised by staff). */
export function repromisedEmail(order: { number: string; customerName: string; productName: string; promisedDate: Date; previousDate: Date; note: string; spec?: EmailSpec }): RenderedEmail {
  return renderEmail({
    subject: `Order ${order.number}: new delivery date ${formatDate(order.promisedDate)}`,
    greeting: `Hello ${order.customerName},`,
    paragraphs: [
      `Work on your ${order.productName} is taking longer than we planned, so we have moved its delivery date from ${formatDate(order.previousDate)} to ${formatDate(order.promisedDate)}. We are sorry for the delay.`,
      ...(order.note ? [`From the workshop: ${order.note}`] : []),
    ],
    action: orderAction(order.number),
    facts: [["Order", order.number], ["New delivery date", formatDate(order.promisedDate)], ["Previously", formatDate(order.previousDate)]],
    spec: order.spec,
    footer: "Atelier: made to order.",
  });
}
