import type { Role } from "@/lib/users/schema";
import { AUTH_BASE, BROADCAST_KEY, SESSION_EVENT } from "./endpoints";

// Signing in and out from the browser through next-auth's endpoints (credentials callback, signout), the
// way next-auth/react does it. Loaded by the sign-in and sign-up forms, and by the header's Sign out button
// when it is clicked, so the pages do not all ship it.

async function csrfToken(): Promise<string> {
  const response = await fetch(`${AUTH_BASE}/csrf`, { cache: "no-store" });
  const body = (await response.json()) as { csrfToken?: string };
  if (!body.csrfToken) throw new Error("No CSRF token");
  return body.csrfToken;
}

/** POSTs a form to a next-auth endpoint the way next-auth/react does (`json: true`: the redirect comes back as `{ url }`). */
async function post(path: string, fields: Record<string, string>): Promise<{ response: Response; url: string | null }> {
  const body = new URLSearchParams({ ...fields, csrfToken: await csrfToken(), callbackUrl: window.location.href, json: "true" });
  const response = await fetch(`${AUTH_BASE}/${path}`, { method: "POST", headers: { "Content-Type": "application/x-www-form-urlencoded" }, body });
  const data = (await response.json().catch(() => ({}))) as { url?: unknown };
  return { response, url: typeof data.url === "string" ? data.url : null };
}

/** Tells this tab's header and the other tabs that the session changed. */
function announce(): void {
  window.dispatchEvent(new Event(SESSION_EVENT));
  try {
    localStorage.setItem(BROADCAST_KEY, JSON.stringify({ event: "session", data: { trigger: "change" }, timestamp: Date.now() }));
  } catch {
    // storage unavailable (private mode): other tabs catch up on their next page load
  }
}

/**
 * Signs in with email and password through next-auth's credentials callback. `error` is the message the
 * server gave (wrong password, too many attempts...), or "CredentialsSignin" / null when it gave none.
 */
export async function signInWithCredentials(email: string, password: string): Promise<{ ok: boolean; error: string | null }> {
  try {
    const { response, url } = await post("callback/credentials", { email, password });
    const error = url ? new URL(url, window.location.href).searchParams.get("error") : "CredentialsSignin";
    const ok = response.ok && !error;
    if (ok) announce();
    return { ok, error: ok ? null : error };
  } catch {
    return { ok: false, error: null };
  }
}

/** Ends the session (next-auth's signout endpoint clears the session cookie) and tells the other tabs. */
export async function signOutNow(): Promise<void> {
  await post("signout", {});
  announce();
}

/** The signed-in user's role as the session endpoint reports it (null when signed out or unreachable). */
export async function signedInRole(): Promise<Role | null> {
  try {
    const response = await fetch(`${AUTH_BASE}/session`, { cache: "no-store" });
    const body = (await response.json()) as { user?: { role?: unknown } };
    const role = body.user?.role;
    return role === "CUSTOMER" || role === "STAFF" || role === "ADMIN" ? role : null;
  } catch {
    return null;
  }
}
