import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { escapeHtml } from "@/lib/html";
import { escapeMultiline, safeHref } from "@/lib/notifications/html";
import { emailSpecOf, orderPlacedEmail, renderEmail, repromisedEmail, type EmailSpec } from "@/lib/notifications/templates";
import { approvedEmail, awaitingApprovalEmail } from "@/lib/orders/approval-emails";
import { customerMessageEmail, workshopMessageEmail } from "@/lib/messages/emails";
import type { OrderSnapshot } from "@/lib/orders/snapshot";
import { inviteEmail, passwordResetEmail } from "@/lib/users/token-emails";
import { confirmSignUpEmail, signUpWithTakenEmail } from "@/lib/users/sign-up-emails";

const ORIGIN = "https://shop.example.com";
let saved: string | undefined;
beforeEach(() => {
  saved = process.env.NEXTAUTH_URL;
  process.env.NEXTAUTH_URL = `${ORIGIN}/`;
});
afterEach(() => {
  if (saved === undefined) delete process.env.NEXTAUTH_URL;
  else process.env.NEXTAUTH_URL = saved;
});

const spec: EmailSpec = {
  productName: "Linden sofa",
  quantity: 2,
  currency: "EUR",
  choices: [
    { groupLabel: "Width", label: "200 cm", priceCents: 40000 },
    { groupLabel: "Fabric", label: "Bouclé <ivory>", priceCents: 0 },
    { groupLabel: "Legs", label: "Oak", priceCents: 12000 },
  ],
  breakdown: {
    lines: [
      { kind: "base", label: "Linden sofa", amountCents: 150000 },
      { kind: "option", label: "Width: 200 cm", group: "width", amountCents: 40000 },
      { kind: "option", label: "Legs: Oak", group: "legs", option: "oak", amountCents: 12000 },
    ],
    totalCents: 202000,
  } as EmailSpec["breakdown"],
};

const snapshot = { product: { name: "Linden sofa" }, quantity: 2, currency: "EUR", choices: spec.choices, breakdown: spec.breakdown } as unknown as OrderSnapshot;

/** Every href of an HTML part. */
const hrefs = (html: string) => [...html.matchAll(/href="([^"]*)"/g)].map((m) => m[1]!.replace(/&amp;/g, "&"));

function expectAbsoluteLinks(email: { text: string; html: string }, expected: string) {
  const links = hrefs(email.html);
  expect(links.length).toBeGreaterThan(0);
  for (const link of links) expect(link.startsWith(`${ORIGIN}/`)).toBe(true);
  expect(links).toContain(expected);
  expect(email.text).toContain(expected);
  // No relative link in the text either ("Follow it at: /orders/...").
  expect(email.text).not.toMatch(/(^|\s)\/orders\//m);
}

function expectSpecAndPrice(email: { text: string; html: string }) {
  for (const part of [email.text, email.html]) {
    expect(part).toContain("Width");
    expect(part).toContain("200 cm");
    expect(part).toContain("Legs");
    expect(part).toContain("Quantity");
    expect(part).toContain("€400.00");
    expect(part).toContain("€2,020.00");
  }
  expect(email.text).toContain("Bouclé <ivory>");
  expect(email.html).toContain("Bouclé &lt;ivory&gt;");
  expect(email.html).not.toContain("<ivory>");
}

describe("order emails: absolute links, both parts, full specification and price", () => {
  const placed = { number: "AT-2026-000042", customerName: "Clara", productName: "Linden sofa", totalCents: 202000, currency: "EUR", promisedDate: new Date("2027-01-15T00:00:00Z"), companyName: "Atelier", spec };

  it("the order-placed email links to the order page on the public URL", () => {
    const email = orderPlacedEmail(placed);
    expect(email.html).toMatch(/^<!doctype html>/);
    expect(email.text.length).toBeGreaterThan(0);
    expectAbsoluteLinks(email, `${ORIGIN}/orders/AT-2026-000042`);
    expectSpecAndPrice(email);
    expect(email.text).toContain("15 Jan 2027");
  });

  it("approval, re-promise and message emails carry the link, the specification and the price", () => {
    const emails = [
      awaitingApprovalEmail({ ...placed, holdUntil: new Date("2027-01-02T00:00:00Z") }),
      approvedEmail({ ...placed }),
      repromisedEmail({ ...placed, previousDate: new Date("2027-01-10T00:00:00Z"), note: "Oak delayed" }),
      workshopMessageEmail({ number: placed.number, snapshot, body: "Hello", companyName: "Atelier", customerName: "Clara", authorName: "Sam" }),
    ];
    for (const email of emails) {
      expectAbsoluteLinks(email, `${ORIGIN}/orders/AT-2026-000042`);
      expectSpecAndPrice(email);
    }
    const toShop = customerMessageEmail({ number: placed.number, snapshot, body: "Hi", companyName: "Atelier", customerName: "Clara", customerEmail: "clara@example.com" });
    expectAbsoluteLinks(toShop, `${ORIGIN}/staff/orders/AT-2026-000042`);
    expectSpecAndPrice(toShop);
  });

  it("emailSpecOf reads an order snapshot", () => {
    expect(emailSpecOf(snapshot)).toEqual(spec);
  });
});

describe("token emails: the link is a clickable absolute link in HTML and written out in text", () => {
  it.each([
    ["invite", inviteEmail({ name: "Ann", invitedBy: "Bo", link: `${ORIGIN}/invite?token=abc`, companyName: "Atelier", validHours: 72 }), `${ORIGIN}/invite?token=abc`],
    ["reset", passwordResetEmail({ link: `${ORIGIN}/reset-password?token=abc`, companyName: "Atelier", validHours: 1 }), `${ORIGIN}/reset-password?token=abc`],
    ["sign-up", confirmSignUpEmail({ name: "Ann", link: `${ORIGIN}/signup/confirm?token=abc`, companyName: "Atelier", validHours: 24 }), `${ORIGIN}/signup/confirm?token=abc`],
    ["taken", signUpWithTakenEmail({ name: "Ann", signInLink: `${ORIGIN}/login?email=a%40b.c&callbackUrl=%2F`, companyName: "Atelier" }), `${ORIGIN}/login?email=a%40b.c&callbackUrl=%2F`],
  ])("%s", (_, email, link) => {
    expectAbsoluteLinks(email, link);
    expect(email.html).toContain(`href="${link.replace(/&/g, "&amp;")}"`);
  });
});

describe("escaping", () => {
  it("nothing a customer typed becomes markup, and a message keeps its line breaks in both parts", () => {
    const body = `<script>alert("x")</script>\nLine two & "three"\n<img src=x onerror=alert(1)>`;
    const email = workshopMessageEmail({ number: "AT-2026-000042", snapshot, body, companyName: "Atelier", customerName: `Eve <b>"`, authorName: "Sam" });
    expect(email.html).not.toContain("<script>");
    expect(email.html).not.toContain("<img");
    expect(email.html).not.toContain("<b>");
    expect(email.html).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;<br>Line two &amp; &quot;three&quot;<br>&lt;img src=x onerror=alert(1)&gt;");
    expect(email.text).toContain('> <script>alert("x")</script>\n> Line two & "three"\n> <img src=x onerror=alert(1)>');
  });

  it("refuses a relative or non-http link instead of sending it", () => {
    expect(() => renderEmail({ subject: "s", greeting: "g", paragraphs: [], facts: [], footer: "f", action: { label: "Go", url: "/orders/AT-2026-000001" } })).toThrow(/absolute/);
    expect(() => safeHref("javascript:alert(1)")).toThrow(/http/);
    expect(safeHref(`${ORIGIN}/a?b=1&c="2"`)).toBe(`${ORIGIN}/a?b=1&amp;c=&quot;2&quot;`);
  });

  it("the helpers escape the five markup characters", () => {
    expect(escapeHtml(`<a href='x'>"&"</a>`)).toBe("&lt;a href=&#39;x&#39;&gt;&quot;&amp;&quot;&lt;/a&gt;");
    expect(escapeMultiline("a\r\nb\nc")).toBe("a<br>b<br>c");
  });
});

describe("an order whose stored snapshot lacks its specification", () => {
  it("still gets its email (with the link), without the specification", () => {
    expect(emailSpecOf({ choices: [] } as never)).toBeUndefined();
    expect(emailSpecOf(null)).toBeUndefined();
    const email = repromisedEmail({ number: "AT-2026-000042", customerName: "Clara", productName: "Sofa", promisedDate: new Date("2027-01-15T00:00:00Z"), previousDate: new Date("2027-01-10T00:00:00Z"), note: "", spec: emailSpecOf({} as never) });
    expect(email.text).toContain(`${ORIGIN}/orders/AT-2026-000042`);
    expect(email.text).not.toContain("Specification");
  });
});
