import { expect, test } from "@playwright/test";
import { accounts, storageStateFor } from "./accounts";
import { CookieJar, httpRequest, loopback } from "./support/http-client";
import { changeRoleOverHttp, sendAction, prepareAction, sessionUserId, setActiveOverHttp, signedIn, signUpOverHttp } from "./support/server-action";

// Two admins demoting or deactivating each other at the same moment leave at least one active admin (issue 19,
// finding 10). For the race to matter they must be the only active admins, so the seeded admin is deactivated
// for the length of this test and reactivated after it (afterAll), and the saved admin session the other specs
// use is signed in again (reactivation ends the old one).

const port = Number(process.env.E2E_PORT ?? 3100);
const base = `http://localhost:${port}`;
const MANAGE = "lib/users/manage-actions.ts";
const password = "race-admin-password-2026";
const RUNS = 10;

type Admin = { email: string; id: string; jar: CookieJar; from: string };

let seededAdminId = "";
const standing: Admin[] = [];

async function newAdmin(name: string, from: string, promoter: CookieJar): Promise<Admin> {
  const email = `race-${name}-${Date.now()}@example.com`;
  const created = await signUpOverHttp(base, email, password, `Race ${name}`, from);
  // The emailed link creates the account and sends to sign-in with the email filled in.
  expect(created.status).toBe(303);
  expect(created.headers.location).toContain("confirmed=created");
  const id = await sessionUserId(base, await signedIn(base, email, password, from), from);
  expect(id).toBeTruthy();
  expect((await changeRoleOverHttp(base, promoter, id!, "ADMIN", from)).body).toContain("is now admin");
  return { email, id: id!, jar: await signedIn(base, email, password, from), from };
}

/** Whether `admin`'s session still opens the admin area (an active admin whose sessions were not ended). */
async function isStanding(admin: Admin): Promise<boolean> {
  const page = await httpRequest(`${base}/admin/users?q=${encodeURIComponent(admin.email)}`, { jar: admin.jar, from: admin.from });
  return page.status === 200 && page.body.includes("(you)");
}

test.afterAll(async ({ browser }) => {
  // Bring the seeded admin back, whatever happened, and save a fresh session for the specs that use it.
  const survivor = standing.length ? (await Promise.all(standing.map(async (a) => ((await isStanding(a)) ? a : null)))).find(Boolean) : null;
  if (survivor && seededAdminId) await setActiveOverHttp(base, survivor.jar, seededAdminId, true, survivor.from);
  const admin = await signedIn(base, accounts.admin.email, accounts.admin.password, loopback(89));
  const context = await browser.newContext();
  await context.addCookies([{ name: "next-auth.session-token", value: admin.get("next-auth.session-token")!, url: base }]);
  await context.storageState({ path: storageStateFor("admin") });
  await context.close();
});

test("two admins demoting or deactivating each other at once always leave one active admin", async () => {
  test.setTimeout(120_000);
  const seeded = await signedIn(base, accounts.admin.email, accounts.admin.password, loopback(85));
  seededAdminId = (await sessionUserId(base, seeded, loopback(85)))!;
  const a = await newAdmin("a", loopback(86), seeded);
  const b = await newAdmin("b", loopback(87), seeded);
  standing.push(a, b);
  expect((await setActiveOverHttp(base, a.jar, seededAdminId, false, a.from)).body).toContain("is deactivated");

  const outcomes: string[] = [];
  for (let run = 1; run <= RUNS; run++) {
    const deactivate = run % 2 === 0;
    const prepare = (target: Admin) =>
      deactivate
        ? prepareAction(base, MANAGE, "setUserActiveAction", "/admin/users", { userId: target.id, active: "false" })
        : prepareAction(base, MANAGE, "changeRoleAction", "/admin/users", { userId: target.id, role: "STAFF" });
    const [aOnB, bOnA] = await Promise.all([prepare(b), prepare(a)]);
    const [replyA, replyB] = await Promise.all([sendAction(base, aOnB, a.jar, a.from), sendAction(base, bOnA, b.jar, b.from)]);
    const still = [];
    for (const admin of [a, b]) if (await isStanding(admin)) still.push(admin);
    outcomes.push(`run ${run} (${deactivate ? "deactivate" : "demote"}): ${still.length} active admin(s) left`);
    const refusal = [replyA.body, replyB.body].find((body) => /active admin/.test(body) && !/is now|is deactivated/.test(body));
    if (still.length !== 1) break;
    expect(refusal, "the loser is told why").toBeTruthy();
    // The survivor restores the other, who signs in again.
    const [survivor] = still;
    const other = survivor === a ? b : a;
    const restored = deactivate
      ? await setActiveOverHttp(base, survivor!.jar, other.id, true, survivor!.from)
      : await changeRoleOverHttp(base, survivor!.jar, other.id, "ADMIN", survivor!.from);
    expect(restored.status).toBe(200);
    other.jar = await signedIn(base, other.email, password, other.from);
  }
  console.log(outcomes.join("\n"));
  expect(outcomes).toEqual(Array.from({ length: RUNS }, (_, i) => `run ${i + 1} (${(i + 1) % 2 === 0 ? "deactivate" : "demote"}): 1 active admin(s) left`));
});
