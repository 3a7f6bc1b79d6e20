import { describe, expect, it } from "vitest";
import { inviteEmail, passwordResetEmail } from "@/lib/users/token-emails";
import { hashToken, hidePasswordLinks, looksLikeToken, newToken } from "@/lib/users/tokens";

describe("emailed link tokens", () => {
  it("are 43 base64url characters, fresh each time, stored as their SHA-256", () => {
    const a = newToken();
    expect(a).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(newToken()).not.toBe(a);
    expect(hashToken(a)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashToken(a)).not.toContain(a);
  });

  it("refuse anything else before a database read", () => {
    for (const bad of ["", "x".repeat(42), "x".repeat(44), "x".repeat(100_000), `${"A".repeat(42)}\u0000`, `${"A".repeat(40)}%00`, `${"A".repeat(42)}=`, null, 42]) {
      expect(looksLikeToken(bad)).toBe(false);
    }
    expect(looksLikeToken("A".repeat(43))).toBe(true);
  });

  it("are hidden from the outbox's text for staff, other links kept", () => {
    const token = newToken();
    const text = `Open http://shop.example/reset-password?token=${token} or http://shop.example/invite?token=${token}; your order: http://shop.example/orders/AT-2026-000001`;
    const hidden = hidePasswordLinks(text);
    expect(hidden).not.toContain(token);
    expect(hidden).toContain("/reset-password?token=[hidden: only admins see password links]");
    expect(hidden).toContain("/invite?token=[hidden: only admins see password links]");
    expect(hidden).toContain("/orders/AT-2026-000001");
  });
});

describe("link emails", () => {
  it("carry the absolute link, its lifetime, and escape names in HTML", () => {
    const link = "https://shop.example/invite?token=abc";
    const invite = inviteEmail({ name: "<Ivo>", invitedBy: "Ada Admin", link, companyName: "Atelier", validHours: 72 });
    expect(invite.text).toContain(link);
    expect(invite.text).toContain("for 72 hours");
    expect(invite.html).toContain("Hello &lt;Ivo&gt;,");
    const reset = passwordResetEmail({ link: "https://shop.example/reset-password?token=abc", companyName: "Atelier", validHours: 1 });
    expect(reset.subject).toBe("Reset your password at Atelier");
    expect(reset.text).toContain("for one hour");
    expect(reset.text).toContain("https://shop.example/reset-password?token=abc");
  });
});
