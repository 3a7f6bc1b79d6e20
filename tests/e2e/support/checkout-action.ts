import { randomUUID } from "node:crypto";
import { readCheckoutFields } from "../../../bench/lib/checkout";
import { httpRequest, type CookieJar } from "./http-client";
import { actionBody, actionId, formOf } from "./server-actions";

// The checkout's server action over HTTP, as the checkout page submits it (see bench/lib/checkout.ts): the
// hidden fields read from the page the customer gets, any quantity, a fresh idempotency key per submission.

/**
 * A checkout for `slug` at `quantity` (of the configuration `code`, a share-link code, when given; else the
 * defaults), read from the page with the customer's session; `submit` posts it once.
 */
export async function checkoutFor(baseURL: string, jar: CookieJar, from: string, slug: string, quantity: number, code?: string) {
  const query = `q=${quantity}${code ? `&c=${encodeURIComponent(code)}` : ""}`;
  const page = await httpRequest(`${baseURL}/products/${slug}/order?${query}`, { jar, from });
  if (page.status !== 200) throw new Error(`checkout page answered ${page.status}`);
  const fields = readCheckoutFields(page.body);
  const id = actionId("lib/orders/actions.ts", "placeOrderAction");
  return {
    html: page.body,
    fields,
    /** Posts the form (a new idempotency key each time) to `target` (another instance of the same database, say) and answers the reply. */
    async submit(overrides: Record<string, string> = {}, target = baseURL): Promise<{ status: number; body: string }> {
      const values: Record<string, string> = {
        ...fields, quantity: String(quantity), idempotencyKey: randomUUID(), notes: "",
        "address.name": "Fair Use", "address.line1": "1 Test Street", "address.line2": "", "address.city": "Lyon",
        "address.postalCode": "69001", "address.country": "FR", ...overrides,
      };
      const { body, contentType } = await actionBody([{}, formOf(values)]);
      const answer = await httpRequest(`${target}/products/${slug}/order?${query}`, {
        method: "POST", jar, from, body,
        headers: { "next-action": id, "content-type": contentType, origin: target, accept: "text/x-component" },
      });
      return { status: answer.status, body: answer.body };
    },
  };
}

/** The order number a placed reply carries, or undefined. */
export function placedNumber(reply: string): string | undefined {
  return /"placed":\{"number":"(AT-\d{4}-\d+)"/.exec(reply)?.[1];
}
