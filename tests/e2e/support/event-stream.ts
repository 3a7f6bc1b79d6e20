import http from "node:http";
import type { CookieJar } from "./http-client";

// A server-sent-events stream held open over raw HTTP, to see what its server does with it: how it answers,
// what it sends, and whether (and when) it ends the stream.

export type OpenStream = {
  status: number;
  /** The answer's body when it was not a stream (e.g. the 429's JSON). */
  body: () => string;
  /** Everything received so far. */
  received: () => string;
  /** True once the server ended the stream. */
  ended: () => boolean;
  close: () => void;
};

/** Opens `url` as an event stream with the session in `jar`; resolves once the status line has arrived. */
export function openStream(url: string, jar: CookieJar, from?: string): Promise<OpenStream> {
  const target = new URL(url);
  return new Promise((resolve, reject) => {
    const request = http.request(
      {
        host: target.hostname === "localhost" ? "127.0.0.1" : target.hostname,
        port: target.port,
        path: `${target.pathname}${target.search}`,
        headers: { host: target.host, accept: "text/event-stream", cookie: jar.header() },
        localAddress: from,
        agent: false,
      },
      (response) => {
        let text = "";
        let done = false;
        response.setEncoding("utf8");
        response.on("data", (chunk: string) => (text += chunk));
        response.on("end", () => (done = true));
        response.on("close", () => (done = true));
        response.on("error", () => (done = true));
        resolve({
          status: response.statusCode ?? 0,
          body: () => text,
          received: () => text,
          ended: () => done,
          close: () => request.destroy(),
        });
      },
    );
    request.on("error", reject);
    request.end();
  });
}
