import bcrypt from "bcryptjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashPassword, verifyPassword } from "@/lib/users/password";
import { signUpSchema } from "@/lib/users/sign-up-schema";
import { verifyCredentials } from "@/lib/users/service";
import { confirmSignUp, requestSignUp } from "@/lib/users/sign-up";
import { createTestDatabase, type TestDatabase } from "./helpers/test-db";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.drop());

const input = signUpSchema.parse({ name: "Nora", email: " Nora@Example.com ", password: "long-enough-42", confirmPassword: "long-enough-42", callbackUrl: "/orders" });
const hashOf = async (email: string) => (await t.prisma.user.findUniqueOrThrow({ where: { email }, select: { passwordHash: true } })).passwordHash;
const outboxTo = (to: string) => t.prisma.emailOutbox.findMany({ where: { to }, orderBy: { createdAt: "asc" }, select: { subject: true, text: true } });

describe("signing up by email confirmation", () => {
  it("creates nothing until the emailed link is opened, then the account with an argon2id hash", async () => {
    const { token } = await requestSignUp(t.prisma, input);
    expect(await t.prisma.user.count({ where: { email: "nora@example.com" } })).toBe(0);
    const pending = await t.prisma.pendingSignUp.findFirstOrThrow({ where: { email: "nora@example.com" } });
    expect(pending.tokenHash).not.toContain(token);
    expect(pending.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    const [mail] = await outboxTo("nora@example.com");
    expect(mail?.text).toContain(`/signup/confirm?token=${token}`);
    expect(mail?.text).toMatch(/http:\/\/localhost:\d+\/signup\/confirm/);

    expect(await confirmSignUp(t.prisma, token)).toEqual({ status: "created", email: "nora@example.com", callbackUrl: "/orders" });
    const row = await t.prisma.user.findUniqueOrThrow({ where: { email: "nora@example.com" }, select: { role: true, passwordHash: true } });
    expect(row.role).toBe("CUSTOMER");
    expect(row.passwordHash).toMatch(/^\$argon2id\$/);
    // A second opening says the link was used and creates nothing.
    expect(await confirmSignUp(t.prisma, token)).toMatchObject({ status: "used", email: "nora@example.com" });
    expect(await t.prisma.user.count({ where: { email: "nora@example.com" } })).toBe(1);
  });

  it("never returns the password hash from ordinary reads", async () => {
    const user = await t.prisma.user.findUniqueOrThrow({ where: { email: "nora@example.com" } });
    expect(user).not.toHaveProperty("passwordHash");
  });

  it("emails the owner of a taken address instead of saying it is taken, and creates nothing", async () => {
    await requestSignUp(t.prisma, { ...input, name: "Mallory" });
    const mails = await outboxTo("nora@example.com");
    expect(mails.at(-1)?.subject).toContain("Someone tried to create an account");
    expect(mails.at(-1)?.text).toContain("Hello Nora,");
    expect(await t.prisma.pendingSignUp.count({ where: { email: "nora@example.com", usedAt: null } })).toBe(0);
  });

  it("one account when two links of one address are opened at once; unknown and expired links are refused", async () => {
    const a = await requestSignUp(t.prisma, { ...input, email: "race@example.com" });
    const b = await requestSignUp(t.prisma, { ...input, email: "race@example.com" });
    const results = await Promise.all([confirmSignUp(t.prisma, a.token), confirmSignUp(t.prisma, b.token), confirmSignUp(t.prisma, a.token)]);
    expect(results.map((r) => r.status).sort()).toEqual(["created", "used", "used"]);
    expect(await t.prisma.user.count({ where: { email: "race@example.com" } })).toBe(1);
    expect(await confirmSignUp(t.prisma, "x".repeat(43))).toEqual({ status: "invalid" });
    expect(await confirmSignUp(t.prisma, "../../etc")).toEqual({ status: "invalid" });
    const late = await requestSignUp(t.prisma, { ...input, email: "late@example.com" });
    expect(await confirmSignUp(t.prisma, late.token, new Date(Date.now() + 25 * 3_600_000))).toEqual({ status: "expired" });
    expect(await t.prisma.user.count({ where: { email: "late@example.com" } })).toBe(0);
  });
});

describe("checking credentials", () => {
  it("gives one answer for an unknown email and a wrong password; names deactivation only to the right password", async () => {
    expect(await verifyCredentials(t.prisma, "nobody@example.com", "x")).toEqual({ ok: false, message: "Wrong email or password." });
    expect(await verifyCredentials(t.prisma, "nora@example.com", "wrong-password-1")).toEqual({ ok: false, message: "Wrong email or password." });
    const ok = await verifyCredentials(t.prisma, "NORA@example.com", "long-enough-42");
    expect(ok.ok && ok.user.email).toBe("nora@example.com");
    await t.prisma.user.update({ where: { email: "nora@example.com" }, data: { active: false } });
    expect(await verifyCredentials(t.prisma, "nora@example.com", "wrong-password-1")).toEqual({ ok: false, message: "Wrong email or password." });
    expect(await verifyCredentials(t.prisma, "nora@example.com", "long-enough-42")).toEqual({ ok: false, message: expect.stringContaining("deactivated") });
  });

  it("keeps accepting a bcrypt hash from before and replaces it with argon2id on the next sign-in", async () => {
    await t.prisma.user.create({ data: { email: "old@example.com", name: "Old", passwordHash: bcrypt.hashSync("from-the-bcrypt-days-7", 4) } });
    expect((await verifyCredentials(t.prisma, "old@example.com", "wrong-one-1")).ok).toBe(false);
    expect(await hashOf("old@example.com")).toMatch(/^\$2[aby]\$/);
    expect((await verifyCredentials(t.prisma, "old@example.com", "from-the-bcrypt-days-7")).ok).toBe(true);
    expect(await hashOf("old@example.com")).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect((await verifyCredentials(t.prisma, "old@example.com", "from-the-bcrypt-days-7")).ok).toBe(true);
  });

  it("counts every byte of a long password (bcrypt stopped at 72)", async () => {
    const long = `${"a-long-passphrase-".repeat(5)}`; // 90 characters
    const hash = await hashPassword(`${long}one`);
    expect(await verifyPassword(`${long}one`, hash)).toBe(true);
    expect(await verifyPassword(`${long}two`, hash)).toBe(false);
    expect(await verifyPassword("anything", "not a hash")).toBe(false);
  });
});

describe("sign-up validation", () => {
  const errorsFor = (values: Record<string, string>) => {
    const parsed = signUpSchema.safeParse({ name: "A", email: "a@example.com", password: "long-enough-42", confirmPassword: "long-enough-42", ...values });
    return parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
  };
  it("explains weak passwords, bad emails and mismatches", () => {
    expect(errorsFor({ password: "short1", confirmPassword: "short1" })).toContain("password: Use at least 10 characters");
    expect(errorsFor({ password: "password12", confirmPassword: "password12" })).toContain(
      "password: This password is too easy to guess. This is a commonly used password. Add a few more words or characters.",
    );
    expect(errorsFor({ password: "aaaaaaaaa1", confirmPassword: "aaaaaaaaa1" }).join()).toContain("password: This password is too easy to guess.");
    expect(errorsFor({ password: "qwertyuiop12", confirmPassword: "qwertyuiop12" }).join()).toContain("too easy to guess");
    expect(errorsFor({ password: "x".repeat(257), confirmPassword: "x".repeat(257) })).toContain("password: Use at most 256 characters");
    expect(errorsFor({ email: "not-an-email" })).toContain("email: Enter a valid email address, like name@example.com");
    expect(errorsFor({ confirmPassword: "something-else-1" })).toContain("confirmPassword: The passwords do not match");
    expect(errorsFor({})).toEqual([]);
    expect(errorsFor({ password: "plane-tree-4821", confirmPassword: "plane-tree-4821" })).toEqual([]);
  });
});
