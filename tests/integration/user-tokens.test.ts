import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { userOfSession } from "@/lib/auth/session";
import { hashPassword } from "@/lib/users/password";
import { inviteUser, resendInvite } from "@/lib/users/invite";
import { setUserActive } from "@/lib/users/manage";
import { requestPasswordReset } from "@/lib/users/password-reset";
import { verifyCredentials } from "@/lib/users/service";
import { setPasswordWithToken } from "@/lib/users/set-password";
import { hashToken, tokenStatus } from "@/lib/users/tokens";
import { createTestDatabase, type TestDatabase } from "./helpers/test-db";

// Invitations and password resets by emailed single-use links, through the services and the public actions.
const client = { address: "203.0.113.7" };
vi.mock("next/headers", () => ({ headers: async () => new Headers({ "x-forwarded-for": client.address }) }));
vi.mock("@/lib/db", () => ({ getDb: async () => db() }));
let t: TestDatabase;
const db = () => t.prisma;

let admin: { id: string; name: string };
beforeAll(async () => {
  t = await createTestDatabase();
  const row = await t.prisma.user.create({ data: { email: "boss@atelier.test", name: "Bea Boss", role: "ADMIN", passwordHash: await hashPassword("boss-password-2026") }, select: { id: true, name: true } });
  admin = row;
});
afterAll(() => t.drop());

const PASSWORD = "copper-kettle-harbour-91";
const linkIn = (text: string, path: string) => new RegExp(`http://localhost:\\d+${path}\\?token=([A-Za-z0-9_-]{43})`).exec(text)?.[1];
const outboxTo = (to: string) => t.prisma.emailOutbox.findMany({ where: { to }, orderBy: { createdAt: "asc" }, select: { subject: true, text: true, html: true } });
const sessionOf = async (email: string) => {
  const user = await t.prisma.user.findUniqueOrThrow({ where: { email }, select: { id: true, sessionVersion: true } });
  return { userId: user.id, version: user.sessionVersion };
};
const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.append(k, v);
  return data;
};

describe("an admin invites a user", () => {
  it("creates the account without a password, emails a 72-hour link that sets one, then sign-in works", async () => {
    const invited = await inviteUser(t.prisma, admin, { name: "Iris Invited", email: "iris@example.com", role: "STAFF" });
    expect(invited).toMatchObject({ ok: true, message: expect.stringContaining("iris@example.com") });
    const user = await t.prisma.user.findUniqueOrThrow({ where: { email: "iris@example.com" }, select: { role: true, active: true } });
    expect(user).toEqual({ role: "STAFF", active: true });
    // No password signs in before the link is used.
    expect(await verifyCredentials(t.prisma, "iris@example.com", "")).toMatchObject({ ok: false });

    const [mail] = await outboxTo("iris@example.com");
    expect(mail?.subject).toBe("You are invited to Atelier");
    expect(mail?.text).toContain("Hello Iris Invited,");
    expect(mail?.text).toContain("Bea Boss created an account for you");
    const token = linkIn(mail?.text ?? "", "/invite");
    expect(token).toBeDefined();
    // Only the hash is stored; it expires 72 hours out.
    const stored = await t.prisma.userToken.findFirstOrThrow({ where: { user: { email: "iris@example.com" } } });
    expect(stored.tokenHash).toBe(hashToken(token ?? ""));
    expect(stored.purpose).toBe("INVITE");
    expect(Math.round((stored.expiresAt.getTime() - stored.createdAt.getTime()) / 3_600_000)).toBe(72);

    expect(await tokenStatus(t.prisma, token ?? "", "INVITE")).toEqual({ status: "valid", email: "iris@example.com" });
    // An invitation link is no reset link.
    expect(await tokenStatus(t.prisma, token ?? "", "RESET")).toEqual({ status: "invalid" });
    expect(await setPasswordWithToken(t.prisma, { token: token ?? "", purpose: "INVITE", password: PASSWORD })).toEqual({ ok: true, email: "iris@example.com" });
    expect(await verifyCredentials(t.prisma, "iris@example.com", PASSWORD)).toMatchObject({ ok: true, user: { role: "STAFF" } });
    expect(await setPasswordWithToken(t.prisma, { token: token ?? "", purpose: "INVITE", password: "another-one-entirely-77" })).toMatchObject({
      ok: false, status: "used", message: expect.stringContaining("already used"),
    });
    expect(await verifyCredentials(t.prisma, "iris@example.com", PASSWORD)).toMatchObject({ ok: true });

    const audit = await t.prisma.auditLog.findMany({ where: { entityId: stored.userId }, orderBy: { createdAt: "asc" }, select: { action: true, actorId: true, summary: true, data: true } });
    expect(audit.map((a) => a.action)).toEqual(["user.invite", "user.invite-accept"]);
    expect(audit[0]?.actorId).toBe(admin.id);
    expect(JSON.stringify(audit)).not.toContain(token);
    expect(JSON.stringify(audit)).not.toContain(stored.tokenHash);
  });

  it("refuses an address that already has an account, at the email field", async () => {
    const again = await inviteUser(t.prisma, admin, { name: "Iris Again", email: "iris@example.com", role: "CUSTOMER" });
    expect(again).toMatchObject({ ok: false, errors: { email: [expect.stringContaining("already exists")] } });
    expect(await t.prisma.user.count({ where: { email: "iris@example.com" } })).toBe(1);
  });

  it("re-sending spends the previous link; only the newest sets the password", async () => {
    const first = await inviteUser(t.prisma, admin, { name: "Remy", email: "remy@example.com", role: "CUSTOMER" });
    if (!first.ok) throw new Error(first.message);
    const second = await resendInvite(t.prisma, admin, first.userId);
    if (!second.ok) throw new Error(second.message);
    expect((await outboxTo("remy@example.com")).length).toBe(2);
    expect(await setPasswordWithToken(t.prisma, { token: first.token, purpose: "INVITE", password: PASSWORD })).toMatchObject({ ok: false, status: "used" });
    expect(await setPasswordWithToken(t.prisma, { token: second.token, purpose: "INVITE", password: PASSWORD })).toMatchObject({ ok: true });
    // Once a password is set, there is no invitation left to re-send.
    expect(await resendInvite(t.prisma, admin, first.userId)).toMatchObject({ ok: false, message: expect.stringContaining("already set a password") });
  });
});

describe("resetting a forgotten password", () => {
  it("ends every session, spends the link, and refuses its second use", async () => {
    const before = await sessionOf("iris@example.com");
    expect(await userOfSession(t.prisma, before)).not.toBeNull();
    const { token } = await requestPasswordReset(t.prisma, "iris@example.com");
    expect(token).not.toBeNull();
    const mail = (await outboxTo("iris@example.com")).at(-1);
    expect(mail?.subject).toBe("Reset your password at Atelier");
    expect(linkIn(mail?.text ?? "", "/reset-password")).toBe(token);
    expect(mail?.html).toContain(`/reset-password?token=${token}`);

    const next = "lantern-orchard-pebble-58";
    expect(await setPasswordWithToken(t.prisma, { token: token ?? "", purpose: "RESET", password: next })).toEqual({ ok: true, email: "iris@example.com" });
    // The session held before the reset no longer stands; the old password no longer works, the new one does.
    expect(await userOfSession(t.prisma, before)).toBeNull();
    expect(await verifyCredentials(t.prisma, "iris@example.com", PASSWORD)).toMatchObject({ ok: false });
    expect(await verifyCredentials(t.prisma, "iris@example.com", next)).toMatchObject({ ok: true });
    expect(await setPasswordWithToken(t.prisma, { token: token ?? "", purpose: "RESET", password: "yet-another-password-93" })).toMatchObject({
      ok: false, status: "used", message: "This reset link was already used. Ask for a new one if you still need to change your password.",
    });
    expect(await verifyCredentials(t.prisma, "iris@example.com", next)).toMatchObject({ ok: true });
    const actions = (await t.prisma.auditLog.findMany({ where: { entityId: before.userId }, select: { action: true, data: true, summary: true } }));
    expect(actions.map((a) => a.action)).toEqual(expect.arrayContaining(["user.password-reset-request", "user.password-reset"]));
    expect(JSON.stringify(actions)).not.toContain(token);
  });

  it("only the newest reset link works", async () => {
    const a = await requestPasswordReset(t.prisma, "remy@example.com");
    const b = await requestPasswordReset(t.prisma, "remy@example.com");
    expect(await tokenStatus(t.prisma, a.token ?? "", "RESET")).toMatchObject({ status: "used" });
    expect(await tokenStatus(t.prisma, b.token ?? "", "RESET")).toMatchObject({ status: "valid" });
  });

  it("refuses an expired link", async () => {
    const { token } = await requestPasswordReset(t.prisma, "remy@example.com");
    await t.prisma.userToken.update({ where: { tokenHash: hashToken(token ?? "") }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await tokenStatus(t.prisma, token ?? "", "RESET")).toEqual({ status: "expired" });
    expect(await setPasswordWithToken(t.prisma, { token: token ?? "", purpose: "RESET", password: "yet-another-password-93" })).toMatchObject({
      ok: false, status: "expired", message: "This reset link has expired. Ask for a new one.",
    });
    // Also an hour after it was issued, by the clock the service is given.
    const fresh = await requestPasswordReset(t.prisma, "remy@example.com");
    const later = new Date(Date.now() + 61 * 60_000);
    expect(await setPasswordWithToken(t.prisma, { token: fresh.token ?? "", purpose: "RESET", password: "yet-another-password-93" }, later)).toMatchObject({ status: "expired" });
  });

  it("a deactivated user gets no link, and a link issued before deactivation no longer works", async () => {
    const remy = await t.prisma.user.findUniqueOrThrow({ where: { email: "remy@example.com" }, select: { id: true } });
    const { token } = await requestPasswordReset(t.prisma, "remy@example.com");
    expect(await setUserActive(t.prisma, admin, remy.id, false)).toMatchObject({ ok: true });
    const mails = (await outboxTo("remy@example.com")).length;
    expect(await requestPasswordReset(t.prisma, "remy@example.com")).toEqual({ token: null });
    expect((await outboxTo("remy@example.com")).length).toBe(mails);
    expect(await setPasswordWithToken(t.prisma, { token: token ?? "", purpose: "RESET", password: "yet-another-password-93" })).toMatchObject({
      ok: false, status: "inactive", message: expect.stringContaining("deactivated"),
    });
    expect(await verifyCredentials(t.prisma, "remy@example.com", PASSWORD)).toMatchObject({ ok: false });
    expect(await setUserActive(t.prisma, admin, remy.id, true)).toMatchObject({ ok: true });
    // Deactivation spent the link for good: reactivating the account does not bring it back.
    expect(await tokenStatus(t.prisma, token ?? "", "RESET")).toMatchObject({ status: "used" });
  });

  it("an unknown address gets nothing written but the same answer from the action", async () => {
    const { requestPasswordResetAction } = await import("@/lib/users/token-actions");
    const before = { tokens: await t.prisma.userToken.count(), mails: await t.prisma.emailOutbox.count(), audit: await t.prisma.auditLog.count() };
    client.address = "203.0.113.20";
    const unknown = await requestPasswordResetAction({}, form({ email: "nobody-here@example.com" }));
    expect({ tokens: await t.prisma.userToken.count(), mails: await t.prisma.emailOutbox.count(), audit: await t.prisma.auditLog.count() }).toEqual(before);
    const known = await requestPasswordResetAction({}, form({ email: "Iris@Example.com" }));
    expect(await t.prisma.emailOutbox.count()).toBe(before.mails + 1);
    // Same shape, same words, whatever the address.
    expect(unknown).toEqual({ ok: true, message: expect.stringContaining("If an account exists"), values: { email: "nobody-here@example.com" } });
    expect(known).toEqual({ ...unknown, values: { email: "Iris@Example.com" } });
    expect(await requestPasswordResetAction({}, form({ email: "not an email" }))).toMatchObject({ errors: { email: ["Enter a valid email address, like name@example.com"] } });
  });

  it("limits requests per email and per address before doing any work", async () => {
    const { requestPasswordResetAction } = await import("@/lib/users/token-actions");
    client.address = "203.0.113.30";
    const mails = await t.prisma.emailOutbox.count();
    const answers = [];
    for (let i = 0; i < 4; i++) answers.push(await requestPasswordResetAction({}, form({ email: "remy@example.com" })));
    expect(answers.slice(0, 3).every((a) => a.ok === true)).toBe(true);
    expect(answers[3]).toMatchObject({ message: expect.stringMatching(/^Too many reset requests for this address\. Try again in \d+ minutes?\.$/) });
    // The refused fourth request sent nothing: three emails for three answers.
    expect(await t.prisma.emailOutbox.count()).toBe(mails + 3);
    // The same limit for an address without an account (nothing to tell them apart).
    const unknown = [];
    for (let i = 0; i < 4; i++) unknown.push(await requestPasswordResetAction({}, form({ email: "ghost@example.com" })));
    expect(unknown[3]).toMatchObject({ message: expect.stringMatching(/^Too many reset requests for this address/) });
    // Per client address: ten requests an hour, whichever emails.
    client.address = "203.0.113.31";
    const spread = [];
    for (let i = 0; i < 11; i++) spread.push(await requestPasswordResetAction({}, form({ email: `spray-${i}@example.com` })));
    expect(spread.slice(0, 10).every((a) => a.ok === true)).toBe(true);
    expect(spread[10]).toMatchObject({ message: expect.stringMatching(/^Too many reset requests from your network/) });
  });

  it("two parallel uses of one link: exactly one sets the password", async () => {
    const { token } = await requestPasswordReset(t.prisma, "remy@example.com");
    const passwords = Array.from({ length: 6 }, (_, i) => `parallel-harbour-lantern-${i}7`);
    const results = await Promise.all(passwords.map((password) => setPasswordWithToken(t.prisma, { token: token ?? "", purpose: "RESET", password })));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok).map((r) => (r.ok ? "" : r.status))).toEqual(Array(5).fill("used"));
    const winner = passwords[results.findIndex((r) => r.ok)] ?? "";
    expect(await verifyCredentials(t.prisma, "remy@example.com", winner)).toMatchObject({ ok: true });
    expect(await t.prisma.auditLog.count({ where: { action: "user.password-reset", entityId: (await sessionOf("remy@example.com")).userId } })).toBe(1);
  });
});

describe("the set-password action", () => {
  it("says at the field when a password is weak or does not match, and refuses hostile tokens with a message", async () => {
    const { setPasswordAction } = await import("@/lib/users/token-actions");
    client.address = "203.0.113.40";
    const { token } = await requestPasswordReset(t.prisma, "iris@example.com");
    const weak = await setPasswordAction({}, form({ token: token ?? "", purpose: "RESET", password: "password12", confirmPassword: "password12" }));
    expect(weak).toMatchObject({ ok: false, errors: { password: [expect.stringContaining("too easy to guess")] } });
    const mismatch = await setPasswordAction({}, form({ token: token ?? "", purpose: "RESET", password: PASSWORD, confirmPassword: "other" }));
    expect(mismatch).toMatchObject({ ok: false, errors: { confirmPassword: ["The passwords do not match"] } });
    for (const hostile of ["x".repeat(100_000), "a\u0000b", "%E0%A4%A", "../../etc/passwd", ""]) {
      const answer = await setPasswordAction({}, form({ token: hostile, purpose: "RESET", password: PASSWORD, confirmPassword: PASSWORD }));
      expect(answer).toMatchObject({ ok: false, message: expect.stringMatching(/not valid/) });
    }
    expect(await tokenStatus(t.prisma, token ?? "", "RESET")).toMatchObject({ status: "valid" });
    const done = await setPasswordAction({}, form({ token: token ?? "", purpose: "RESET", password: PASSWORD, confirmPassword: PASSWORD }));
    expect(done).toMatchObject({ ok: true, values: { email: "iris@example.com" } });
    expect(JSON.stringify(done)).not.toContain(token);
  });
});
