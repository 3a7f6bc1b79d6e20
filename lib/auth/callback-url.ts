// Where to go after signing in or up. The value comes from the URL, so it is hostile until proven otherwise:
// browsers strip tab, CR and LF and read "\" as "/", so "/\t/evil.example" is "//evil.example", another site.
// Hence no string tests: the value is resolved by the URL parser (the browser's own rules) against this
// app's origin, and kept only when it stays on that origin.

/** This app's origin (NEXTAUTH_URL, the public URL; `http://localhost:$PORT` when unset, as npm start sets it). */
export function appOrigin(): string {
  const configured = process.env.NEXTAUTH_URL;
  try {
    if (configured) return new URL(configured).origin;
  } catch {
    // an invalid NEXTAUTH_URL is refused at start (lib/env.ts); fall through for tests
  }
  return `http://localhost:${process.env.PORT ?? 3000}`;
}

/**
 * The same-origin path (pathname + search + hash) that `value` leads to, resolved against `origin`, or "/"
 * for anything that leaves it (another host, scheme or port, a protocol-relative or malformed value).
 */
export function safeCallbackUrl(value: string | null | undefined, origin: string = appOrigin()): string {
  if (!value || value.length > 2000) return "/";
  let resolved: URL;
  try {
    resolved = new URL(value, origin);
  } catch {
    return "/";
  }
  if (resolved.origin !== new URL(origin).origin) return "/";
  const path = `${resolved.pathname}${resolved.search}${resolved.hash}`;
  // "/.//evil.example" resolves to the path "//evil.example", which a browser reads as another host.
  if (!path.startsWith("/") || path.startsWith("//")) return "/";
  return path;
}

/** next-auth's `redirect` callback: an absolute URL on this app's origin (the default trusted the raw path). */
export function authRedirect({ url, baseUrl }: { url: string; baseUrl: string }): string {
  const origin = new URL(baseUrl).origin;
  return `${origin}${safeCallbackUrl(url, origin)}`;
}
