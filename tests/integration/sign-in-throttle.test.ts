import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { admitAttempt, admitSignIn, signInKeys, SIGN_IN_THROTTLES, type ThrottleRule } from "@/lib/security/sign-in-throttle";
import { hashPassword } from "@/lib/users/password";
import { signIn } from "@/lib/users/sign-in";
import { createTestDatabase, type TestDatabase } from "./helpers/test-db";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.drop());

const rule: ThrottleRule = { name: "test", free: 5, baseMs: 1_000, capMs: 60_000, windowMs: 60 * 60_000, slide: false };
// For the bursts: a first wait far longer than any burst takes on a busy machine (the count, not the clock, is tested).
const burstRule: ThrottleRule = { ...rule, baseMs: 10 * 60_000, capMs: 60 * 60_000 };
const row = (key: string) => t.prisma.signInThrottle.findUniqueOrThrow({ where: { key } });
/** Moves a key's block into the past, as if its wait had passed. */
const waitOut = (key: string) => t.prisma.signInThrottle.update({ where: { key }, data: { blockedUntil: new Date(Date.now() - 1) } });

describe(`the sign-in throttle statement (${process.env.TEST_DATABASE_URL ? "PostgreSQL" : "PGlite"})`, () => {
  it("admits exactly the free allowance of a parallel burst and counts only those", async () => {
    const verdicts = await Promise.all(Array.from({ length: 40 }, () => admitAttempt(t.prisma, [{ key: "burst", rule: burstRule }])));
    expect(verdicts.filter((v) => v.ok)).toHaveLength(5);
    const refused = verdicts.filter((v) => !v.ok);
    expect(refused).toHaveLength(35);
    expect(refused[0]).toMatchObject({ ok: false, message: "Too many attempts. Try again in 10 minutes." });
    expect((await row("burst")).attempts).toBe(5);
  });

  it("doubles the wait after each attempt past the allowance, up to the cap", async () => {
    for (let i = 0; i < 5; i++) expect((await admitAttempt(t.prisma, [{ key: "doubling", rule }])).ok).toBe(true);
    const waits: number[] = [];
    for (let i = 0; i < 8; i++) {
      await waitOut("doubling");
      expect((await admitAttempt(t.prisma, [{ key: "doubling", rule }])).ok).toBe(true);
      const refused = await admitAttempt(t.prisma, [{ key: "doubling", rule }]);
      waits.push(refused.ok ? 0 : Math.round(refused.retryAfterMs / 1000));
    }
    expect(waits).toEqual([2, 4, 8, 16, 32, 60, 60, 60]);
    expect((await admitAttempt(t.prisma, [{ key: "doubling", rule }]))).toMatchObject({ ok: false, message: "Too many attempts. Try again in 1 minute." });
  });

  it("a refused attempt restarts the wait of a sliding key only", async () => {
    const sliding = { ...rule, slide: true };
    for (const [key, r] of [["slides", sliding], ["stays", rule]] as const) {
      for (let i = 0; i < 5; i++) await admitAttempt(t.prisma, [{ key, rule: r }]);
      const soon = new Date(Date.now() + 200);
      await t.prisma.signInThrottle.update({ where: { key }, data: { blockedUntil: soon } });
      expect((await admitAttempt(t.prisma, [{ key, rule: r }])).ok).toBe(false);
      const after = (await row(key)).blockedUntil.getTime();
      if (r.slide) expect(after).toBeGreaterThan(soon.getTime() + 500);
      else expect(after).toBe(soon.getTime());
      expect((await row(key)).attempts).toBe(5);
    }
  });

  it("admits all keys or none: a blocked key counts nothing on the others", async () => {
    for (let i = 0; i < 5; i++) await admitAttempt(t.prisma, [{ key: "blocked", rule }]);
    expect((await admitAttempt(t.prisma, [{ key: "blocked", rule }, { key: "bystander", rule }])).ok).toBe(false);
    expect(await t.prisma.signInThrottle.findUnique({ where: { key: "bystander" } })).toMatchObject({ attempts: 0 });
  });

  it("starts afresh once the window expired", async () => {
    await t.prisma.signInThrottle.update({ where: { key: "blocked" }, data: { expiresAt: new Date(Date.now() - 1) } });
    expect((await admitAttempt(t.prisma, [{ key: "blocked", rule }])).ok).toBe(true);
    expect((await row("blocked")).attempts).toBe(1);
  });
});

describe("signing in through the throttle", () => {
  beforeAll(async () => {
    await t.prisma.user.create({ data: { email: "owner@example.com", name: "Owner", passwordHash: await hashPassword("the-right-one-2026") } });
  });

  it("checks at most the allowance of 60 parallel guesses, and refuses the right password sent with them", async () => {
    const guesses = Array.from({ length: 60 }, (_, i) => (i === 59 ? "the-right-one-2026" : `guess-${i}-x`));
    const results = await Promise.all(guesses.map((password) => signIn(t.prisma, "owner@example.com", password, "203.0.113.1")));
    const checked = results.filter((r) => !r.ok && r.message === "Wrong email or password.");
    expect(checked.length).toBeLessThanOrEqual(SIGN_IN_THROTTLES.pair.free);
    expect(results.filter((r) => r.ok)).toHaveLength(0);
    expect(results.filter((r) => !r.ok && r.message.startsWith("Too many attempts."))).toHaveLength(60 - checked.length);
    // The other keys counted only what was checked.
    const keys = signInKeys("owner@example.com", "203.0.113.1");
    expect((await row(keys.account.key)).attempts).toBe(checked.length);
    expect((await row(keys.address.key)).attempts).toBe(checked.length);
  });

  it("lets the owner in from another address, and a success counts against neither the address nor the account", async () => {
    const ok = await signIn(t.prisma, "owner@example.com", "the-right-one-2026", "198.51.100.2");
    expect(ok.ok).toBe(true);
    const keys = signInKeys("owner@example.com", "198.51.100.2");
    expect(await t.prisma.signInThrottle.findUnique({ where: { key: keys.pair.key } })).toBeNull();
    expect(await t.prisma.signInThrottle.findUnique({ where: { key: keys.address.key } })).toMatchObject({ attempts: 0 });
    expect((await row(keys.account.key)).attempts).toBe(5);
  });

  it("a distributed attack slows the account on new addresses only: where the owner signed in before, it gets in", async () => {
    const { account } = signInKeys("owner@example.com", "any");
    await t.prisma.signInThrottle.update({ where: { key: account.key }, data: { attempts: 80, blockedUntil: new Date(Date.now() + 5 * 60_000) } });
    expect(await signIn(t.prisma, "owner@example.com", "the-right-one-2026", "192.0.2.77")).toEqual({ ok: false, message: "Too many attempts. Try again in 5 minutes." });
    // 198.51.100.2 signed in in the test before.
    expect((await signIn(t.prisma, "owner@example.com", "the-right-one-2026", "198.51.100.2")).ok).toBe(true);
    expect((await row(account.key)).attempts).toBe(80);
    await t.prisma.signInThrottle.update({ where: { key: account.key }, data: { attempts: 5, blockedUntil: new Date() } });
  });

  it("a success clears the pair's failures: the owner's typos do not add up across sign-ins", async () => {
    const at = "198.51.100.3";
    for (let round = 0; round < 3; round++) {
      for (let i = 0; i < 4; i++) expect(await signIn(t.prisma, "owner@example.com", "typo-typo-1", at)).toEqual({ ok: false, message: "Wrong email or password." });
      expect((await signIn(t.prisma, "owner@example.com", "the-right-one-2026", at)).ok).toBe(true);
    }
  });

  it("an address spraying many accounts is slowed after its allowance, but briefly (at most a minute)", async () => {
    const at = "203.0.113.50";
    const { free, capMs } = SIGN_IN_THROTTLES.address;
    for (let i = 0; i < free; i++) expect((await signIn(t.prisma, `sprayed-${i}@example.com`, "spray-2026", at)).ok).toBe(false);
    const refused = await admitSignIn(t.prisma, "another@example.com", at);
    expect(refused).toMatchObject({ ok: false, message: "Too many attempts. Try again in 1 second." });
    expect(capMs).toBeLessThanOrEqual(60_000);
  });
});
