import { NextResponse, type NextRequest } from "next/server";
import { SECTION_PATH_HEADER, signInRedirectFor } from "@/lib/auth/section-path";

// Redirects only, never guards (DESIGN): a page view of /staff, /admin, /orders or a checkout without a session cookie goes
// to sign in with its exact path to come back to; everything else passes, with the path for the section layouts.
export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const target = signInRedirectFor(request.method, pathname, search, request.cookies.getAll());
  if (target) return NextResponse.redirect(new URL(target, request.url), 307);
  const headers = new Headers(request.headers);
  headers.set(SECTION_PATH_HEADER, `${pathname}${search}`);
  return NextResponse.next({ request: { headers } });
}

// Only page views of the signed-in sections and the checkout (whose loading boundary would otherwise stream a 200
// before its guard redirects): the cached pages (catalog, configurator) never pay for the proxy, and neither do
// server actions (a POST with a Next-Action header; the edge drops that header from any other method, so a page
// view cannot skip its redirect), which it would only pass through: placing an order cost about 0.9 ms less
// server CPU without it (docs/performance.md). Each matcher is spelled out: Next reads them statically.
export const config = {
  matcher: [
    { source: "/staff/:path*", missing: [{ type: "header", key: "next-action" }] },
    { source: "/admin/:path*", missing: [{ type: "header", key: "next-action" }] },
    { source: "/orders/:path*", missing: [{ type: "header", key: "next-action" }] },
    { source: "/products/:slug/order", missing: [{ type: "header", key: "next-action" }] },
  ],
};
