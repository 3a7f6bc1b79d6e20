import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { httpRequest, loopback } from "./support/http-client";
import { actionBody, actionId, formOf } from "./support/server-actions";

// Finding 4: the server trusts X-Forwarded-For and X-Forwarded-Host only from the proxies it was told about
// (TRUSTED_PROXY_HOPS, 0 here: clients connect directly). An attacker who rotates X-Forwarded-For stays one
// address to the per-address limits, and a forged X-Forwarded-Host cannot make a foreign Origin look like ours.

const baseURL = () => test.info().project.use.baseURL!;

/** A sign-up as the form sends it, from `from`, with extra (forged) headers; the action's reply text. */
async function signUp(from: string, headers: Record<string, string>) {
  const id = actionId("lib/users/actions.ts", /^signUp/);
  const email = `xff-${randomUUID().slice(0, 8)}@example.com`;
  const password = `Quartz-Meadow-${randomUUID().slice(0, 6)}-Lantern!`;
  const { body, contentType } = await actionBody([{}, formOf({ name: "Probe Person", email, password, confirmPassword: password })]);
  return httpRequest(`${baseURL()}/signup`, {
    method: "POST",
    from,
    body,
    headers: { "next-action": id, "content-type": contentType, accept: "text/x-component", origin: baseURL(), ...headers },
  });
}

test("rotating X-Forwarded-For does not get around the sign-up limit (10 an hour per address)", async () => {
  const from = loopback(140);
  const outcomes: string[] = [];
  for (let i = 1; i <= 11; i++) {
    const answer = await signUp(from, { "x-forwarded-for": `203.0.113.${i}`, "x-real-ip": `198.51.100.${i}` });
    expect(answer.status, answer.body.slice(0, 300)).toBe(200);
    outcomes.push(/Too many sign-ups/.test(answer.body) ? "refused" : "accepted");
  }
  console.log(`sign-ups with 11 forged X-Forwarded-For from one address: ${outcomes.join(", ")}`);
  expect(outcomes.slice(0, 10)).not.toContain("refused");
  expect(outcomes[10]).toBe("refused");
});

test("a server action with a forged X-Forwarded-Host and a matching foreign Origin is refused with 403", async () => {
  const answer = await signUp(loopback(141), { origin: "https://evil.example", "x-forwarded-host": "evil.example", "x-forwarded-proto": "https" });
  console.log(`forged X-Forwarded-Host + Origin https://evil.example: ${answer.status} ${answer.body.slice(0, 120)}`);
  expect(answer.status).toBe(403);
  expect(JSON.parse(answer.body)).toEqual({ error: expect.stringMatching(/another site/) });
});
