import { isIP } from "node:net";

// Who is the client? Each proxy in front of the app appends the address it received the request from to
// X-Forwarded-For, so only the rightmost entries were written by machines we run: everything to their left
// came from the client and may be forged. With `hops` trusted proxies, the client is the entry `hops` places
// from the right of [...X-Forwarded-For, socket address]; with none, it is the socket address itself.

/** The most proxy hops the TRUSTED_PROXY_HOPS setting accepts. */
export const MAX_TRUSTED_PROXY_HOPS = 10;

/** Headers a client could forge to pose as another host, scheme or port; trusted only from a proxy we run. */
export const FORWARDED_HOST_HEADERS = ["x-forwarded-host", "x-forwarded-proto", "x-forwarded-port", "forwarded", "x-real-ip"] as const;

/** An address as written in one X-Forwarded-For entry or by the socket, without port, brackets or IPv4-in-IPv6 prefix; null when it is not an IP address. */
export function normalizeAddress(raw: string | undefined): string | null {
  if (!raw) return null;
  let value = raw.trim().toLowerCase();
  if (value.length === 0 || value.length > 64) return null;
  const bracketed = /^\[([^\]]+)\](?::\d{1,5})?$/.exec(value); // [2001:db8::1]:443
  if (bracketed) value = bracketed[1]!;
  else if (/^\d{1,3}(\.\d{1,3}){3}:\d{1,5}$/.test(value)) value = value.slice(0, value.lastIndexOf(":")); // 203.0.113.9:5678
  value = value.replace(/%[0-9a-z._~-]+$/, ""); // IPv6 zone index: fe80::1%eth0
  if (value.startsWith("::ffff:") && isIP(value.slice(7)) === 4) value = value.slice(7); // the same client over IPv4 or IPv6
  return isIP(value) ? value : null;
}

/** The X-Forwarded-For entries, left to right, across repeated headers. */
export function forwardedEntries(header: string | string[] | undefined): string[] {
  const values = header === undefined ? [] : Array.isArray(header) ? header : [header];
  return values.flatMap((value) => value.split(",")).map((entry) => entry.trim());
}

/**
 * The client's address for a request that arrived on a socket from `socketAddress` carrying `forwardedFor`
 * (X-Forwarded-For), when `hops` proxies we run stand in front of the app. An entry that is not an address
 * (garbage a proxy passed on) is skipped towards the right: the result is always an address a trusted machine
 * saw, or "unknown" when even the socket has none.
 */
export function resolveClientAddress(forwardedFor: string | string[] | undefined, socketAddress: string | undefined, hops: number): string {
  const trusted = Number.isInteger(hops) && hops > 0 ? Math.min(hops, MAX_TRUSTED_PROXY_HOPS) : 0;
  const chain = trusted === 0 ? [socketAddress ?? ""] : [...forwardedEntries(forwardedFor), socketAddress ?? ""];
  // More hops than entries: the request came through fewer proxies than configured; the leftmost is the client.
  const start = Math.max(0, chain.length - 1 - trusted);
  for (let i = start; i < chain.length; i++) {
    const address = normalizeAddress(chain[i]);
    if (address) return address;
  }
  return "unknown";
}

/**
 * Rewrites a request's headers in place so that everything downstream sees the truth: X-Forwarded-For
 * becomes the resolved client address alone, and the host, scheme and port headers a client could forge are
 * dropped unless a trusted proxy sets them (`hops` > 0).
 */
export function applyTrustedForwarding(headers: Record<string, string | string[] | undefined>, socketAddress: string | undefined, hops: number): void {
  headers["x-forwarded-for"] = resolveClientAddress(headers["x-forwarded-for"], socketAddress, hops);
  if (hops > 0) return;
  for (const name of FORWARDED_HOST_HEADERS) delete headers[name];
}
