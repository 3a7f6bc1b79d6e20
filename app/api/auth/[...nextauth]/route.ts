import NextAuth from "next-auth";
import type { NextRequest } from "next/server";
import { authOptions } from "@/lib/auth/options";

const handler = NextAuth(authOptions);

type Context = { params: Promise<{ nextauth: string[] }> };

/** The same test next-auth applies to a callback URL (http(s), absolute or relative to the site). */
function isCallbackUrl(value: unknown, base: string): boolean {
  if (value === undefined || value === null) return true;
  if (typeof value !== "string") return false;
  try {
    return /^https?:$/.test(new URL(value, value.startsWith("/") ? base : undefined).protocol);
  } catch {
    return false;
  }
}

/** The callbackUrl a form or JSON body carries, or `false` when the body cannot be read at all. */
async function bodyCallbackUrl(request: NextRequest): Promise<unknown> {
  if (request.method !== "POST") return undefined;
  const type = request.headers.get("content-type") ?? "";
  if (type.includes("application/x-www-form-urlencoded")) return new URLSearchParams(await request.clone().text()).get("callbackUrl");
  if (!type.includes("application/json")) return undefined;
  try {
    const body: unknown = await request.clone().json();
    return body && typeof body === "object" ? (body as { callbackUrl?: unknown }).callbackUrl : undefined;
  } catch {
    return false;
  }
}

/**
 * next-auth answers a callback URL it cannot parse with a 500 (or an uncaught "Invalid URL"), and
 * an unreadable JSON body with an uncaught error: refuse both here as a bad request. With no action
 * segment it reports a server misconfiguration (500): that is simply a page that does not exist.
 */
async function guarded(request: NextRequest, context: Context): Promise<Response> {
  const [action] = (await context.params).nextauth ?? [];
  if (!action) return Response.json({ error: "Not found." }, { status: 404 });
  const base = request.nextUrl.origin;
  const candidates = [
    request.nextUrl.searchParams.get("callbackUrl"),
    request.cookies.get("next-auth.callback-url")?.value,
    request.cookies.get("__Secure-next-auth.callback-url")?.value,
    await bodyCallbackUrl(request),
  ];
  if (!candidates.every((value) => value !== false && isCallbackUrl(value, base))) {
    return Response.json({ error: "Invalid sign-in request." }, { status: 400 });
  }
  return handler(request, context);
}

export { guarded as GET, guarded as POST };
