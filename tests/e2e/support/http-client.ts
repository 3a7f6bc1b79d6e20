import http from "node:http";

// A plain HTTP client for the tests that play the attacker against the running server: raw requests with any
// header (forged X-Forwarded-For, foreign Origin), parallel bursts, and a chosen source address. Every
// 127.0.0.0/8 address is this machine, so a test that connects from its own 127.0.0.N is a client of its own
// to the server's per-address limits, whatever the other tests did before it.

export type HttpAnswer = { status: number; headers: http.IncomingHttpHeaders; body: string };

export type HttpOptions = {
  method?: string;
  headers?: Record<string, string>;
  body?: string;
  /** The source address to connect from, e.g. "127.0.0.23" (default: the system's choice). */
  from?: string;
  jar?: CookieJar;
};

/** The cookies a client holds: sent with each request, updated from each Set-Cookie. */
export class CookieJar {
  private readonly cookies = new Map<string, string>();

  header(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
  }

  take(setCookie: string[] | undefined): void {
    for (const line of setCookie ?? []) {
      const [pair = ""] = line.split(";");
      const eq = pair.indexOf("=");
      if (eq <= 0) continue;
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const expired = /max-age=0\b/i.test(line) || /expires=thu, 01 jan 1970/i.test(line);
      if (expired || value === "") this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  get(name: string): string | undefined {
    return this.cookies.get(name);
  }

  set(name: string, value: string): void {
    this.cookies.set(name, value);
  }
}

/** One HTTP request to `url`; redirects are not followed (the answer is what the server said). */
export function httpRequest(url: string, options: HttpOptions = {}): Promise<HttpAnswer> {
  const target = new URL(url);
  const headers: Record<string, string> = { ...options.headers };
  const cookie = options.jar?.header();
  if (cookie) headers.cookie = headers.cookie ? `${headers.cookie}; ${cookie}` : cookie;
  if (options.body !== undefined) headers["content-length"] = String(Buffer.byteLength(options.body));
  return new Promise((resolve, reject) => {
    const request = http.request(
      {
        host: target.hostname === "localhost" ? "127.0.0.1" : target.hostname,
        port: target.port,
        path: `${target.pathname}${target.search}`,
        method: options.method ?? "GET",
        headers: { host: target.host, ...headers },
        localAddress: options.from,
        agent: false,
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () => {
          options.jar?.take(response.headers["set-cookie"]);
          resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks).toString("utf8") });
        });
        response.on("error", reject);
      },
    );
    request.on("error", reject);
    request.setTimeout(60_000, () => request.destroy(new Error(`timeout: ${url}`)));
    if (options.body !== undefined) request.write(options.body);
    request.end();
  });
}

/** A source address of its own for a test: 127.0.0.`n` (n from 2 to 254). */
export function loopback(n: number): string {
  if (!Number.isInteger(n) || n < 2 || n > 254) throw new Error(`loopback(${n}): choose 2..254`);
  return `127.0.0.${n}`;
}

export type SignInAnswer = { ok: boolean; error: string | null; status: number; jar: CookieJar };

/**
 * Signs in through next-auth's credentials endpoint the way the sign-in form does (CSRF token, then the
 * callback with `json: true`). `error` is the message the server gave, or null when the session cookie was set.
 */
export async function signInOverHttp(
  baseURL: string,
  email: string,
  password: string,
  options: { from?: string; headers?: Record<string, string>; jar?: CookieJar; callbackUrl?: string } = {},
): Promise<SignInAnswer> {
  const jar = options.jar ?? new CookieJar();
  const csrf = await httpRequest(`${baseURL}/api/auth/csrf`, { jar, from: options.from, headers: options.headers });
  const csrfToken = (JSON.parse(csrf.body) as { csrfToken: string }).csrfToken;
  const body = new URLSearchParams({ email, password, csrfToken, callbackUrl: options.callbackUrl ?? `${baseURL}/`, json: "true" }).toString();
  const answer = await httpRequest(`${baseURL}/api/auth/callback/credentials`, {
    method: "POST",
    jar,
    from: options.from,
    body,
    headers: { "content-type": "application/x-www-form-urlencoded", ...options.headers },
  });
  let url: string | null = null;
  try {
    url = (JSON.parse(answer.body) as { url?: string }).url ?? null;
  } catch {
    url = null;
  }
  const error = url ? new URL(url, baseURL).searchParams.get("error") : `HTTP ${answer.status}`;
  const signedIn = [...jar.header().matchAll(/next-auth\.session-token=/g)].length > 0;
  return { ok: !error && signedIn, error, status: answer.status, jar };
}
