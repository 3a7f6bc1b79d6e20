import { announce, post } from "./client";

// Sign in from the browser through next-auth's credentials callback (the sign-in and sign-up forms).
// Kept apart from ./client, which the header brings to every page.

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
