import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signUpSchema } from "@/lib/users/schema";
import { signUp, verifyCredentials } from "@/lib/users/service";
import { createTestDatabase, type TestDatabase } from "./helpers/test-db";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.drop());

const input = signUpSchema.parse({ name: "Nora", email: " Nora@Example.com ", password: "long-enough-42", confirmPassword: "long-enough-42" });

describe("accounts", () => {
  it("signs up a customer with a hashed password and a normalized email", async () => {
    const result = await signUp(t.prisma, input);
    expect(result.ok).toBe(true);
    const row = await t.prisma.user.findUniqueOrThrow({ where: { email: "nora@example.com" }, select: { role: true, passwordHash: true } });
    expect(row.role).toBe("CUSTOMER");
    expect(row.passwordHash).toMatch(/^\$2[aby]\$11\$/);
    expect(row.passwordHash).not.toContain("long-enough-42");
  });

  it("never returns the password hash from ordinary reads", async () => {
    const user = await t.prisma.user.findUniqueOrThrow({ where: { email: "nora@example.com" } });
    expect(user).not.toHaveProperty("passwordHash");
  });

  it("refuses a second account with the same email, on the email field", async () => {
    expect(await signUp(t.prisma, input)).toEqual({ ok: false, field: "email", message: expect.stringContaining("already exists") });
    const [a, b] = await Promise.all([signUp(t.prisma, { ...input, email: "race@example.com" }), signUp(t.prisma, { ...input, email: "race@example.com" })]);
    expect([a.ok, b.ok].sort()).toEqual([false, true]);
    expect(await t.prisma.user.count({ where: { email: "race@example.com" } })).toBe(1);
  });

  it("says which credential is wrong, and refuses a deactivated account", async () => {
    expect(await verifyCredentials(t.prisma, "nobody@example.com", "x")).toEqual({ ok: false, message: "No account uses this email address." });
    expect(await verifyCredentials(t.prisma, "nora@example.com", "wrong-password-1")).toEqual({ ok: false, message: "Wrong password. Try again." });
    const ok = await verifyCredentials(t.prisma, "NORA@example.com", "long-enough-42");
    expect(ok.ok && ok.user.email).toBe("nora@example.com");
    await t.prisma.user.update({ where: { email: "nora@example.com" }, data: { active: false } });
    expect(await verifyCredentials(t.prisma, "nora@example.com", "long-enough-42")).toEqual({ ok: false, message: expect.stringContaining("deactivated") });
  });
});

describe("sign-up validation", () => {
  const errorsFor = (values: Record<string, string>) => {
    const parsed = signUpSchema.safeParse({ name: "A", email: "a@example.com", password: "long-enough-42", confirmPassword: "long-enough-42", ...values });
    return parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
  };
  it("explains weak passwords, bad emails and mismatches", () => {
    expect(errorsFor({ password: "short1", confirmPassword: "short1" })).toContain("password: Use at least 10 characters");
    expect(errorsFor({ password: "onlyletters", confirmPassword: "onlyletters" })).toContain("password: Use letters and at least one digit");
    expect(errorsFor({ password: "aaaaaaaaa1", confirmPassword: "aaaaaaaaa1" })).toContain("password: This password is too easy to guess");
    expect(errorsFor({ email: "not-an-email" })).toContain("email: Enter a valid email address, like name@example.com");
    expect(errorsFor({ confirmPassword: "something-else-1" })).toContain("confirmPassword: The passwords do not match");
    expect(errorsFor({})).toEqual([]);
  });
});
