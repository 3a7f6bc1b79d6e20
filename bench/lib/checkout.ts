// Placing an order over HTTP exactly as the checkout page does: a POST to the checkout URL with the
// `Next-Action` header naming placeOrderAction and the arguments encoded by React's own encodeReply
// (previous form state, then the form data), with the customer's session cookie and a fresh idempotency key.
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

type Manifest = { node: Record<string, { exportedName?: string; filename?: string }> };

/** The server action id of `exportedName` in `filename`, from the build's server-reference manifest. */
export function actionId(distDir: string, filename: string, exportedName: string): string {
  const manifest = JSON.parse(fs.readFileSync(path.join(distDir, "server", "server-reference-manifest.json"), "utf8")) as Manifest;
  const found = Object.entries(manifest.node).find(([, entry]) => entry.exportedName === exportedName && entry.filename === filename);
  if (!found) throw new Error(`no server action ${exportedName} in ${filename} in ${distDir}`);
  return found[0];
}

const ENTITIES: Record<string, string> = { amp: "&", quot: '"', lt: "<", gt: ">", "#x27": "'", "#39": "'" };

/** Decodes the entities React writes in attribute values, in one pass (so "&amp;quot;" stays "&quot;"). */
function decodeHtml(value: string): string {
  return value.replace(/&(amp|quot|lt|gt|#x27|#39);/g, (_, name: string) => ENTITIES[name] ?? "");
}

/** The checkout form's hidden fields, read from the page a signed-in customer gets. */
export function readCheckoutFields(html: string): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const name of ["slug", "configuration", "expectedVersionId", "expectedTotalCents"]) {
    const match = new RegExp(`name="${name}" value="([^"]*)"`).exec(html);
    if (!match?.[1]) throw new Error(`checkout page has no ${name} field`);
    fields[name] = decodeHtml(match[1]);
  }
  return fields;
}

type EncodeReply = (value: unknown) => Promise<string | FormData>;

/**
 * The body a page sends for a server action's `args` (Next's own copy of React's reply encoder: the format the
 * action handler decodes; a FormData argument makes it multipart). The one encoder of the benchmark, the fault
 * drills and the attacker-side e2e tests.
 */
export async function actionBody(args: unknown[]): Promise<{ body: string; contentType: string }> {
  const client = (await import("next/dist/compiled/react-server-dom-turbopack/client.node.js" as string)) as { encodeReply?: EncodeReply; default?: { encodeReply: EncodeReply } };
  const encode = client.encodeReply ?? client.default?.encodeReply;
  if (!encode) throw new Error("encodeReply not found in Next's React client");
  const reply = await encode(args);
  if (typeof reply === "string") return { body: reply, contentType: "text/plain;charset=UTF-8" };
  const boundary = `----atelier${randomUUID().replace(/-/g, "")}`;
  let body = "";
  for (const [key, value] of reply.entries()) {
    if (typeof value !== "string") throw new Error("unexpected file in the reply");
    body += `--${boundary}\r\nContent-Disposition: form-data; name="${key}"\r\n\r\n${value}\r\n`;
  }
  body += `--${boundary}--\r\n`;
  return { body, contentType: `multipart/form-data; boundary=${boundary}` };
}

export const KEY_PLACEHOLDER = "00000000-0000-4000-8000-000000000000";

/**
 * A multipart body template for placeOrderAction. Its idempotency key is KEY_PLACEHOLDER, which
 * `withFreshKey` swaps for a new UUID of the same length per request.
 */
export async function checkoutBody(fields: Record<string, string>): Promise<{ body: string; contentType: string }> {
  const form = new FormData();
  const values: Record<string, string> = {
    ...fields,
    quantity: "1",
    idempotencyKey: KEY_PLACEHOLDER,
    notes: "",
    "address.name": "Bench Customer",
    "address.line1": "1 Load Street",
    "address.line2": "",
    "address.city": "Lyon",
    "address.postalCode": "69001",
    "address.country": "FR",
  };
  for (const [key, value] of Object.entries(values)) form.append(key, value);
  return actionBody([{}, form]);
}

export const withFreshKey = (template: string) => template.replace(KEY_PLACEHOLDER, randomUUID());

/** What a successful placement answers with (placeOrderAction's `placed`), as it appears in the action's reply. */
export const PLACED_MARK = '"placed":{"number":"';

/** The order number in placeOrderAction's reply, or undefined when the reply is not a placed order. */
export function placedOrderNumber(reply: string): string | undefined {
  const at = reply.indexOf(PLACED_MARK);
  if (at < 0) return undefined;
  return /^[A-Z]{2}-\d{4}-\d+/.exec(reply.slice(at + PLACED_MARK.length))?.[0];
}
