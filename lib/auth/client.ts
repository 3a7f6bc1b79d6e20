import { useEffect, useState } from "react";
import type { Role } from "@/lib/users/schema";
import { AUTH_BASE, BROADCAST_KEY, SESSION_EVENT } from "./endpoints";

// The browser side of next-auth, instead of next-auth/react and its SessionProvider on every page: the
// session for the header here, and signing in and out in ./credentials (loaded by the sign-in forms, and by
// the header only when Sign out is clicked). The endpoints under /api/auth and their answers are
// next-auth's own; the server side (lib/auth/options.ts) is unchanged.

export { AUTH_BASE, BROADCAST_KEY, SESSION_EVENT } from "./endpoints";

export type SessionUser = { id: string; name: string; email: string; role: Role };
export type ClientSession = { status: "loading" } | { status: "authenticated"; user: SessionUser } | { status: "unauthenticated" };

/** Signs out (next-auth's signout endpoint clears the session cookie), then goes to `callbackUrl`. */
export async function signOut(callbackUrl = "/"): Promise<void> {
  try {
    await (await import("./credentials")).signOutNow();
  } finally {
    window.location.assign(callbackUrl);
  }
}

async function readSession(): Promise<ClientSession> {
  try {
    const response = await fetch(`${AUTH_BASE}/session`, { cache: "no-store" });
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
