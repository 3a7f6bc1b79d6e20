import "server-only";
import { decode } from "next-auth/jwt";
import { cookies } from "next/headers";
import { authSecret } from "@/lib/env";
import { processWide } from "@/lib/process-wide";
import { readSessionCookie } from "./session-cookie";

export { readSessionCookie, sessionCookieName } from "./session-cookie";

/** What a session token says: whose session it is, and the user's session version when it was issued. */
export type SessionClaims = { userId: string; version: number };

/** next-auth's leeway for a token's expiry, in seconds. */
const CLOCK_TOLERANCE_S = 15;
const REMEMBERED_TOKENS = 2000;
/** Tokens this process decoded (valid ones only), so a signed-in visitor's next requests skip the key derivation and decryption. */
const decoded = processWide("sessionTokens.v2", () => new Map<string, { claims: SessionClaims | null; exp: number }>());

/** The claims of a token's payload; a token without a session version (issued before versions existed) names no session. */
export function claimsOf(payload: { sub?: unknown; sv?: unknown } | null | undefined): SessionClaims | null {
  const userId = typeof payload?.sub === "string" && payload.sub ? payload.sub : null;
  const version = typeof payload?.sv === "number" && Number.isInteger(payload.sv) ? payload.sv : null;
  return userId && version !== null ? { userId, version } : null;
}

/** The claims of a session token that decrypts with our secret and has not expired, or null. */
export async function decodeSessionToken(token: string, nowMs = Date.now()): Promise<SessionClaims | null> {
  const known = decoded.get(token);
  if (known) return nowMs / 1000 < known.exp + CLOCK_TOLERANCE_S ? known.claims : null;
  let payload: Awaited<ReturnType<typeof decode>>;
  try {
    payload = await decode({ token, secret: authSecret() });
  } catch {
    return null;
  }
  const claims = claimsOf(payload);
  if (typeof payload?.exp === "number") {
    if (decoded.size >= REMEMBERED_TOKENS) decoded.delete(decoded.keys().next().value as string);
    decoded.set(token, { claims, exp: payload.exp });
  }
  return claims;
}

/**
 * The session the request's token names (user id and session version), or null when there is none or it does
 * not decrypt with our secret (forged, from another deployment) or has expired. It reads the JWT with
 * next-auth's own decoder and nothing else: `getServerSession` would also run the whole auth handler and its
 * session callback, which reads the user from the database, for every request of every page. Whether the
 * session still stands (the user's version unchanged) is decided where the user is read (./session).
 */
export async function readSession(): Promise<SessionClaims | null> {
  const token = readSessionCookie((await cookies()).getAll());
  return token ? decodeSessionToken(token) : null;
}
