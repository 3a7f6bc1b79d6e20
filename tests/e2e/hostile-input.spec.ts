import http from "node:http";
import { expect, test } from "@playwright/test";
import { accounts } from "./accounts";
import { CookieJar, httpRequest, loopback, signInOverHttp, type HttpAnswer } from "./support/http-client";
import { actionBody, actionId, allActions, formOf } from "./support/server-actions";

// Finding 9: hostile input gets a clear 4xx (or the page with a message at the field), never a 500, a hidden
// server error (an error digest in a 200) or a stack trace.

const baseURL = () => test.info().project.use.baseURL!;

/** What must never reach a client: a 5xx, a server error streamed into a 200, a stack trace. */
function expectNoServerError(answer: HttpAnswer, what: string) {
  expect(answer.status, `${what}: ${answer.body.slice(0, 200)}`).toBeLessThan(500);
  const leak = /data-dgst|:E\{\\?"digest|\n\s+at [\w.<>]+ \(|Internal Server Error/.exec(answer.body);
  expect(leak ? answer.body.slice(Math.max(0, leak.index - 80), leak.index + 80) : null, `${what}: a server error in the answer`).toBeNull();
}

let admin: CookieJar;
test.beforeAll(async () => {
  const signedIn = await signInOverHttp(test.info().project.use.baseURL!, accounts.admin.email, accounts.admin.password, { from: loopback(160) });
  expect(signedIn.ok, signedIn.error ?? "").toBe(true);
  admin = signedIn.jar;
});

test("NUL bytes and malformed percent-encoding in addresses answer 400 with a message", async () => {
  const cases: [string, CookieJar | undefined][] = [
    ["/products/%00", undefined],
    ["/products/%E0%A4%A", undefined],
    ["/staff?q=%00", undefined],
    ["/staff?q=%ZZ", undefined],
    ["/?q=%00", undefined],
    ["/admin/users?q=%00", admin],
    ["/admin/audit?q=%00", admin],
    ["/admin/audit?actor=%00", admin],
    ["/staff?q=%00", admin],
    ["/api/health?x=%00", undefined],
  ];
  const seen: string[] = [];
  for (const [url, jar] of cases) {
    const page = await httpRequest(`${baseURL()}${url}`, { jar, from: loopback(161), headers: { accept: "text/html" } });
    seen.push(`${url} ${page.status}`);
    expectNoServerError(page, url);
    expect(page.status, url).toBe(400);
    expect(page.body).toMatch(/NUL byte|percent-encoding/);
  }
  const api = await httpRequest(`${baseURL()}/api/health?x=%ZZ`, { from: loopback(161) });
  expect(api.status).toBe(400);
  expect(JSON.parse(api.body)).toEqual({ error: "The address has malformed percent-encoding." });
  console.log(`malformed addresses: ${seen.join("; ")}`);
});

test("out-of-range or garbage dates in the audit filter are shown at the field, never a server error", async () => {
  const seen: string[] = [];
  for (const query of ["from=0000-01-01", "from=99999-01-01", "to=0000-12-31", "from=garbage&to=2026-13-45", "from=1899-12-31"]) {
    const page = await httpRequest(`${baseURL()}/admin/audit?${query}`, { jar: admin, from: loopback(162) });
    seen.push(`${query} ${page.status}`);
    expectNoServerError(page, query);
    expect(page.status).toBe(200);
    expect(page.body).toContain("Enter a date between 1900-01-01 and 9999-12-31");
  }
  const fine = await httpRequest(`${baseURL()}/admin/audit?from=2020-01-01&to=9999-12-31`, { jar: admin, from: loopback(162) });
  expectNoServerError(fine, "valid dates");
  expect(fine.body).not.toContain("Enter a date between");
  console.log(`audit dates: ${seen.join("; ")}`);
});

test("admin searches take % and _ literally", async () => {
  // Every seeded account's email has a "." and an "@", none has a "%" or "_": a wildcard would match them all.
  for (const [url, empty] of [["/admin/users?q=%25", "No users match."], ["/admin/users?q=_", "No users match."], ["/admin/audit?q=%25%25", "No entries match."]] as const) {
    const page = await httpRequest(`${baseURL()}${url}`, { jar: admin, from: loopback(163) });
    expectNoServerError(page, url);
    expect(page.body, url).toContain(empty);
  }
});

test("server actions given wrong argument types refuse cleanly, signed out and as an admin", async () => {
  test.setTimeout(180_000);
  const wrong: unknown[][] = [[], [42], ["x"], [{}, "not a form"], [null, null], [[], { a: 1 }], [{}, 123, true], ["id", {}, {}], [{}, formOf({ unexpected: "\u0000" })]];
  const statuses = new Map<number, number>();
  const failures: string[] = [];
  for (const [id, name] of allActions()) {
    for (const jar of [undefined, admin]) {
      for (const args of wrong) {
        const { body, contentType } = await actionBody(args);
        const answer = await httpRequest(`${baseURL()}/signup`, {
          method: "POST",
          jar,
          from: loopback(164),
          body,
          headers: { "next-action": id, "content-type": contentType, accept: "text/x-component", origin: baseURL() },
        });
        statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
        if (answer.status >= 500 || /:E\{\\?"digest/.test(answer.body)) failures.push(`${name} ${jar ? "admin" : "anonymous"} ${JSON.stringify(args)}: ${answer.status}`);
      }
    }
  }
  console.log(`wrong argument types: ${allActions().length} actions, statuses ${JSON.stringify(Object.fromEntries(statuses))}, ${failures.length} server errors`);
  expect(failures).toEqual([]);
});

test("a server action from a foreign Origin answers 403 with a message, not a 500", async () => {
  const id = actionId("lib/users/actions.ts", /^signUp/);
  const { body, contentType } = await actionBody([{}, formOf({ name: "X", email: "x@example.com", password: "p", confirmPassword: "p" })]);
  const answer = await httpRequest(`${baseURL()}/signup`, {
    method: "POST",
    from: loopback(165),
    body,
    headers: { "next-action": id, "content-type": contentType, accept: "text/x-component", origin: "https://evil.example" },
  });
  console.log(`foreign Origin on an action: ${answer.status} ${answer.body}`);
  expect(answer.status).toBe(403);
  expect(JSON.parse(answer.body).error).toMatch(/another site/);
});

test("a server action body over the limit answers 413 with a message; one without a declared length 411", async () => {
  const id = actionId("lib/catalog/editor/actions.ts", "saveDraftAction");
  const huge = "x".repeat(3 * 1024 * 1024 + 1);
  const over = await httpRequest(`${baseURL()}/admin/products`, {
    method: "POST",
    jar: admin,
    from: loopback(166),
    body: huge,
    headers: { "next-action": id, "content-type": "text/plain;charset=UTF-8", accept: "text/x-component", origin: baseURL() },
  });
  console.log(`action body of ${huge.length} bytes: ${over.status} ${over.body}`);
  expect(over.status).toBe(413);
  expect(JSON.parse(over.body).error).toMatch(/too large: at most 3 MB/);

  // Chunked, without Content-Length: the size cannot be checked before reading, so it is refused.
  const chunked = await new Promise<{ status: number; body: string }>((resolve, reject) => {
    const url = new URL(`${baseURL()}/admin/products`);
    const request = http.request({ host: "127.0.0.1", port: url.port, path: url.pathname, method: "POST", localAddress: loopback(166), agent: false, headers: { host: url.host, "next-action": id, "content-type": "text/plain;charset=UTF-8", accept: "text/x-component", origin: baseURL(), "transfer-encoding": "chunked", cookie: admin.header() } }, (response) => {
      let text = "";
      response.on("data", (chunk: Buffer) => (text += chunk.toString("utf8")));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, body: text }));
    });
    request.on("error", reject);
    request.write("[]");
    request.end();
  });
  console.log(`chunked action body: ${chunked.status} ${chunked.body}`);
  expect(chunked.status).toBe(411);
  expect(JSON.parse(chunked.body).error).toMatch(/declare its length/);

  // A draft just under the editor's limit (2 MB of JSON) fits in the request limit: the action answers it.
  const { body, contentType } = await actionBody(["no-such-product", {}, formOf({ definition: JSON.stringify({ pad: "y".repeat(1_999_000) }) })]);
  const fits = await httpRequest(`${baseURL()}/admin/products`, {
    method: "POST",
    jar: admin,
    from: loopback(166),
    body,
    headers: { "next-action": id, "content-type": contentType, accept: "text/x-component", origin: baseURL() },
  });
  console.log(`draft of ${body.length} bytes: ${fits.status}`);
  expectNoServerError(fits, "draft under the limit");
  expect(fits.status).toBe(200);
});
