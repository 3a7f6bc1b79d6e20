import http from "node:http";
import { applyTrustedForwarding } from "./forwarded";
import { dropStrayActionHeader, foreignOrigin, malformedUrl, oversizedAction, type Refusal } from "./request-checks";

// The server's edge: every request passes here before Next reads it. `next start` creates its own
// http.Server, so the guard wraps http.Server.prototype.emit for "request" events; instrumentation.ts
// installs it from register(). `next start` listens before it runs register(): requests of that first
// second were already emitted, so `npm start` preloads scripts/hold-requests.cjs, which holds them until
// the guard is installed and then hands them over.

export type EdgeGuardOptions = {
  /** Proxies we run in front of the app (TRUSTED_PROXY_HOPS). */
  hops: number;
  /**
   * Routes a request before Next sees it: returns the address to serve instead of `url` (e.g. a 404 for a
   * page that cannot exist), synchronously when it can, or a promise when it must look something up.
   */
  route?: (method: string, url: string) => string | Promise<string>;
};

const INSTALLED = Symbol.for("atelier.edgeGuard");
// Set by scripts/hold-requests.cjs when `npm start` preloads it: hands over the requests that arrived first.
const RELEASE = Symbol.for("atelier.edgeGuardRelease");

/** The most of a refused request's body read (and dropped) before answering; a larger one is cut off. */
const DRAIN_LIMIT_BYTES = 8 * 1024 * 1024;

/**
 * Calls `done` once the request's body has been read and dropped (up to DRAIN_LIMIT_BYTES): a client still
 * sending its body when the answer comes and the connection closes sees a broken pipe, not the answer.
 */
function afterBody(req: http.IncomingMessage, done: () => void): void {
  const declared = Number(req.headers["content-length"] ?? 0);
  const chunked = req.headers["transfer-encoding"] !== undefined;
  if ((!chunked && !(declared > 0)) || declared > DRAIN_LIMIT_BYTES || req.readableEnded) return done();
  let called = false;
  const once = () => {
    if (called) return;
    called = true;
    done();
  };
  let seen = 0;
  const drop = (chunk: Buffer) => {
    seen += chunk.length;
    if (seen <= DRAIN_LIMIT_BYTES) return;
    req.off("data", drop);
    req.pause(); // the rest is not read: Node closes the connection after the answer
    once();
  };
  req.on("data", drop);
  req.once("end", once);
  req.once("error", once);
}

/** Answers a refusal as JSON for API calls and scripts, as a small HTML page for browsers; never cached. */
export function sendRefusal(req: http.IncomingMessage, res: http.ServerResponse, refusal: Refusal): void {
  afterBody(req, () => writeRefusal(req, res, refusal));
}

function writeRefusal(req: http.IncomingMessage, res: http.ServerResponse, refusal: Refusal): void {
  const wantsJson = req.url?.startsWith("/api/") || !String(req.headers.accept ?? "").includes("text/html") || req.headers["next-action"] !== undefined;
  const body = wantsJson
    ? JSON.stringify({ error: refusal.message })
    : `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Request refused</title></head><body><h1>Request refused</h1><p>${refusal.message}</p><p><a href="/">Back to the catalog</a></p></body></html>`;
  res.writeHead(refusal.status, {
    "content-type": wantsJson ? "application/json; charset=utf-8" : "text/html; charset=utf-8",
    "content-length": Buffer.byteLength(body),
    "cache-control": "no-store",
    "x-content-type-options": "nosniff",
    "content-security-policy": "default-src 'none'; frame-ancestors 'none'",
  });
  res.end(req.method === "HEAD" ? undefined : body);
}

/** The refusal a request gets before anything else looks at it, or null. Headers are made truthful first. */
function screen(req: http.IncomingMessage, hops: number): Refusal | null {
  applyTrustedForwarding(req.headers, req.socket?.remoteAddress, hops);
  dropStrayActionHeader(req.method, req.headers);
  return malformedUrl(req.url) ?? foreignOrigin(req.method, req.headers) ?? oversizedAction(req.method, req.headers);
}

/** Installs the guard once per process (a second call changes nothing). */
export function installEdgeGuard(options: EdgeGuardOptions): void {
  const registry = globalThis as { [key: symbol]: unknown };
  if (registry[INSTALLED]) return;
  registry[INSTALLED] = true;
  type Emit = (this: http.Server, event: string | symbol, ...args: unknown[]) => boolean;
  const emit = http.Server.prototype.emit as Emit;
  http.Server.prototype.emit = function guardedEmit(this: http.Server, event: string | symbol, ...args: unknown[]): boolean {
    if (event !== "request") return emit.call(this, event, ...args);
    const [req, res] = args as [http.IncomingMessage, http.ServerResponse];
    const refusal = screen(req, options.hops);
    if (refusal) {
      sendRefusal(req, res, refusal);
      return true;
    }
    const routed = options.route?.(req.method ?? "GET", req.url ?? "/");
    if (routed === undefined || typeof routed === "string") {
      if (routed !== undefined) req.url = routed;
      return emit.call(this, event, req, res);
    }
    routed.then(
      (url) => {
        req.url = url;
        emit.call(this, event, req, res);
      },
      () => emit.call(this, event, req, res), // could not decide: Next handles it as before
    );
    return true;
  };
  (registry[RELEASE] as (() => void) | undefined)?.();
}
