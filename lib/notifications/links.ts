import { appOrigin } from "@/lib/auth/callback-url";

// Links in emails are absolute, built from the configured public URL (NEXTAUTH_URL, see appOrigin), never
// from a request's Host header.

/** The absolute address of a page of this app, e.g. appUrl("/orders/AT-2026-000001"). */
export function appUrl(path: string): string {
  return `${appOrigin()}${path.startsWith("/") ? path : `/${path}`}`;
}

/** The customer's page of an order (order numbers are letters, digits and dashes: nothing to encode). */
export function orderUrl(number: string): string {
  return appUrl(`/orders/${number}`);
}

/** The staff page of an order. */
export function staffOrderUrl(number: string): string {
  return appUrl(`/staff/orders/${number}`);
}
