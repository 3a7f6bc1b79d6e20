// The session cookie as next-auth sets it, pure (no server-only imports) so the proxy can read it too.

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
