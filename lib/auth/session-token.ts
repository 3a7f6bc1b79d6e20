import "server-only";
import { decode } from "next-auth/jwt";
import { cookies } from "next/headers";
import { authSecret } from "@/lib/env";
import { processWide } from "@/lib/process-wide";

/**
 * The session cookie's name, as next-auth sets it: with the `__Secure-` prefix when the site is served over
 * https (NEXTAUTH_URL), which is also when the browser keeps the cookie to https.
 */
export function sessionCookieName(siteUrl = process.env.NEXTAUTH_URL): string {
  return siteUrl?.startsWith("https://") ? "__Secure-next-auth.session-token" : "next-auth.session-token";
}

/** The session token from the cookies: one cookie, or the numbered chunks next-auth splits a large one into. */
export function readSessionCookie(all: { name: string; value: string }[], name = sessionCookieName()): string | null {
  const whole = all.find((c) => c.name === name);
  if (whole) return whole.value;
  const chunks = all
    .map((c) => ({ index: c.name.startsWith(`${name}.`) ? Number(c.name.slice(name.length + 1)) : NaN, value: c.value }))
    .filter((c) => Number.isInteger(c.index) && c.index >= 0)
    .sort((a, b) => a.index - b.index);
  return chunks.length ? chunks.map((c) => c.value).join("") : null;
}

/** next-auth's leeway for a token's expiry, in seconds. */
const CLOCK_TOLERANCE_S = 15;
const REMEMBERED_TOKENS = 2000;
/** Tokens this process decoded (valid ones only), so a signed-in visitor's next requests skip the key derivation and decryption. */
const decoded = processWide("sessionTokens", () => new Map<string, { sub: string | null; exp: number }>());

/** The subject of a session token that decrypts with our secret and has not expired, or null. */
export async function decodeSessionToken(token: string, nowMs = Date.now()): Promise<string | null> {
  const known = decoded.get(token);
  if (known) return nowMs / 1000 < known.exp + CLOCK_TOLERANCE_S ? known.sub : null;
  let payload: Awaited<ReturnType<typeof decode>>;
  try {
    payload = await decode({ token, secret: authSecret() });
  } catch {
    return null;
  }
  const sub = typeof payload?.sub === "string" && payload.sub ? payload.sub : null;
  if (typeof payload?.exp === "number") {
    if (decoded.size >= REMEMBERED_TOKENS) decoded.delete(decoded.keys().next().value as string);
    decoded.set(token, { sub, exp: payload.exp });
  }
  return sub;
}

/**
 * The user id the request's session token names, or null when there is none or it does not decrypt with our
 * secret (forged, from another deployment) or has expired. It reads the JWT with next-auth's own decoder and
 * nothing else: `getServerSession` would also run the whole auth handler and its session callback, which
 * reads the user from the database, for every request of every page.
 */
export async function readSessionUserId(): Promise<string | null> {
  const token = readSessionCookie((await cookies()).getAll());
  return token ? decodeSessionToken(token) : null;
}
