import { readSessionCookie } from "./session-cookie";

// What the proxy (proxy.ts) does for the signed-in sections (/staff, /admin, /orders, the checkout), pure so it is tested on
// its own: it only redirects a page view that carries no session cookie at all to sign in, coming back to the
// exact page; it never decides who may see what (the section layouts and the pages guard, reading the user
// from the database). It also hands the page's path to those layouts, which Next does not tell a layout.

/** The request header through which the proxy tells a section layout which page was asked for. */
export const SECTION_PATH_HEADER = "x-atelier-path";

/** The paths the proxy runs for (its matcher lists the same): the sections, and the checkout of a product. */
export const SECTION_PREFIXES = ["/staff", "/admin", "/orders"] as const;
const CHECKOUT = /^\/products\/[^/]+\/order$/;

function needsSession(pathname: string): boolean {
  return SECTION_PREFIXES.some((prefix) => pathname === prefix || pathname.startsWith(`${prefix}/`)) || CHECKOUT.test(pathname);
}

/** Where to send a request that has no session cookie: the sign-in page, back to `pathname + search`; null to let it through. */
export function signInRedirectFor(method: string, pathname: string, search: string, cookies: { name: string; value: string }[]): string | null {
  if (method !== "GET" && method !== "HEAD") return null; // server actions and other writes answer for themselves
  if (!needsSession(pathname)) return null;
  if (readSessionCookie(cookies)) return null;
  return `/login?callbackUrl=${encodeURIComponent(`${pathname}${search}`)}`;
}

/** The page a section layout guards, from the proxy's header when it names a page of that section, else the section itself. */
export function sectionPath(section: "/staff" | "/admin", header: string | null | undefined): string {
  if (header && (header === section || header.startsWith(`${section}/`) || header.startsWith(`${section}?`)) && !header.includes("\\")) return header;
  return section;
}

/**
 * The page a section layout guards, from the request's headers. The proxy does not run for server actions
 * (its matcher skips requests with a Next-Action header), so on an action's request the header, if any, is
 * the client's own: the layout then guards the section itself.
 */
export function guardedPath(section: "/staff" | "/admin", headers: { get(name: string): string | null }): string {
  return headers.get("next-action") === null ? sectionPath(section, headers.get(SECTION_PATH_HEADER)) : section;
}
