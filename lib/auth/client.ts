import { useEffect, useState } from "react";
import type { Role } from "@/lib/users/schema";

// The browser side of next-auth (the session for the header, sign out; sign in is in ./sign-in) in a few
// fetches to its REST endpoints under /api/auth, instead of next-auth/react and its SessionProvider on every
// page. The endpoints and their answers are next-auth's own; the server side (lib/auth/options.ts) is unchanged.

const BASE = "/api/auth";
// next-auth/react's cross-tab channel: a write to this localStorage key tells the other tabs to re-read the session.
const BROADCAST_KEY = "nextauth.message";
const SESSION_EVENT = "atelier:session";

export type SessionUser = { id: string; name: string; email: string; role: Role };
export type ClientSession = { status: "loading" } | { status: "authenticated"; user: SessionUser } | { status: "unauthenticated" };

async function csrfToken(): Promise<string> {
  const response = await fetch(`${BASE}/csrf`, { cache: "no-store" });
  const body = (await response.json()) as { csrfToken?: string };
  if (!body.csrfToken) throw new Error("No CSRF token");
  return body.csrfToken;
}

/** POSTs a form to a next-auth endpoint the way next-auth/react does (`json: true`: the redirect comes back as `{ url }`). */
export async function post(path: string, fields: Record<string, string>): Promise<{ response: Response; url: string | null }> {
  const body = new URLSearchParams({ ...fields, csrfToken: await csrfToken(), callbackUrl: window.location.href, json: "true" });
  const response = await fetch(`${BASE}/${path}`, { method: "POST", headers: { "Content-Type": "application/x-www-form-urlencoded" }, body });
  const data = (await response.json().catch(() => ({}))) as { url?: unknown };
  return { response, url: typeof data.url === "string" ? data.url : null };
}

/** Tells this tab's header and the other tabs that the session changed. */
export function announce(): void {
  window.dispatchEvent(new Event(SESSION_EVENT));
  try {
    localStorage.setItem(BROADCAST_KEY, JSON.stringify({ event: "session", data: { trigger: "change" }, timestamp: Date.now() }));
  } catch {
    // storage unavailable (private mode): other tabs catch up on their next page load
  }
}

/** Signs out (next-auth's signout endpoint clears the session cookie), then goes to `callbackUrl`. */
export async function signOut(callbackUrl = "/"): Promise<void> {
  try {
    await post("signout", {});
    announce();
  } finally {
    window.location.assign(callbackUrl);
  }
}

async function readSession(): Promise<ClientSession> {
  try {
    const response = await fetch(`${BASE}/session`, { cache: "no-store" });
    const body = (await response.json()) as { user?: Partial<SessionUser> } | null;
    const user = body?.user;
    return user?.id && user.role ? { status: "authenticated", user: user as SessionUser } : { status: "unauthenticated" };
  } catch {
    return { status: "unauthenticated" };
  }
}

/** The signed-in user as /api/auth/session reports it (the role the database holds now); re-read when a tab signs in or out. */
export function useClientSession(): ClientSession {
  const [session, setSession] = useState<ClientSession>({ status: "loading" });
  useEffect(() => {
    let current = true;
    const refresh = () => void readSession().then((next) => current && setSession(next));
    const onStorage = (event: StorageEvent) => {
      if (event.key === BROADCAST_KEY) refresh();
    };
    refresh();
    window.addEventListener(SESSION_EVENT, refresh);
    window.addEventListener("storage", onStorage);
    return () => {
      current = false;
      window.removeEventListener(SESSION_EVENT, refresh);
      window.removeEventListener("storage", onStorage);
    };
  }, []);
  return session;
}
