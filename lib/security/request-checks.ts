// Pure checks of a raw request, made at the server's edge before Next parses it (see edge-guard.ts): what no
// browser sends and no page should have to survive. Each returns the refusal to answer, or null; one
// (dropStrayActionHeader) instead removes a header that cannot be true.

export type Refusal = { status: 400 | 403 | 411 | 413; message: string };

/** The most a server action's body may weigh (next.config.ts serverActions.bodySizeLimit is built from it). */
export const ACTION_BODY_LIMIT_BYTES = 3 * 1024 * 1024;

/** Why `url` (a request target: path and query) is malformed: a NUL byte or broken percent-encoding; null when it is fine. */
export function malformedUrl(url: string | undefined): Refusal | null {
  if (url === undefined) return { status: 400, message: "The request has no address." };
  // Raw control characters never reach here (Node's parser refuses them); encoded ones do.
  if (/%00/i.test(url) || url.includes("\0")) return { status: 400, message: "The address contains a NUL byte." };
  const queryAt = url.indexOf("?");
  const path = queryAt === -1 ? url : url.slice(0, queryAt);
  const query = queryAt === -1 ? "" : url.slice(queryAt + 1);
  const parts = [path, ...query.split(/[&=]/).map((part) => part.replace(/\+/g, " "))];
  for (const part of parts) {
    try {
      decodeURIComponent(part);
    } catch {
      return { status: 400, message: "The address has malformed percent-encoding." };
    }
  }
  return null;
}

type HeaderBag = Record<string, string | string[] | undefined>;

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/** The host the request was addressed to: the trusted proxy's X-Forwarded-Host when one is kept, else Host. */
function requestHost(headers: HeaderBag): string | undefined {
  const forwarded = first(headers["x-forwarded-host"])?.split(",")[0]?.trim();
  return forwarded || first(headers.host);
}

/**
 * A state-changing request (POST, server actions included) sent by a page of another origin: refused with
 * 403 here, where Next would answer a forged server action with a 500. Requests without Origin (forms of
 * old browsers, scripts) pass: they carry no cookies a victim's browser attached on another site's behalf.
 */
export function foreignOrigin(method: string | undefined, headers: HeaderBag): Refusal | null {
  if (method === "GET" || method === "HEAD" || method === "OPTIONS") return null;
  const origin = first(headers.origin);
  if (origin === undefined) return null;
  let originHost: string | null = null;
  try {
    originHost = origin === "null" ? null : new URL(origin).host;
  } catch {
    originHost = null;
  }
  const host = requestHost(headers);
  if (originHost && host && originHost.toLowerCase() === host.toLowerCase()) return null;
  return { status: 403, message: "This request came from another site and was refused. Reload the page and try again." };
}

/** A server action (a POST with a Next-Action header) whose body is too large, or whose size is not declared. */
export function oversizedAction(method: string | undefined, headers: HeaderBag, limitBytes = ACTION_BODY_LIMIT_BYTES): Refusal | null {
  if (method !== "POST" || headers["next-action"] === undefined) return null;
  const declared = first(headers["content-length"]);
  if (declared === undefined) return { status: 411, message: "The request must declare its length." };
  const bytes = Number(declared);
  if (!Number.isSafeInteger(bytes) || bytes < 0) return { status: 400, message: "The request declares an invalid length." };
  if (bytes > limitBytes) return { status: 413, message: `The request is too large: at most ${Math.floor(limitBytes / (1024 * 1024))} MB can be sent at once.` };
  return null;
}

/**
 * Drops a Next-Action header from a request that is not a POST: only a POST can run a server action, and the
 * proxy (proxy.ts) lets requests with that header pass unseen, so a page view carrying a forged one would miss
 * its redirect to sign in. Changes `headers` in place.
 */
export function dropStrayActionHeader(method: string | undefined, headers: HeaderBag): void {
  if (method !== "POST") delete headers["next-action"];
}
