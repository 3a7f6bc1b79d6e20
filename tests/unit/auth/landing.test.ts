import { describe, expect, it } from "vitest";
import { landingPath } from "@/lib/auth/roles";

describe("where a user lands after signing in", () => {
  it("sends staff to the board and admins to the admin home when nothing asked for a page", () => {
    expect(landingPath("STAFF", null)).toBe("/staff");
    expect(landingPath("ADMIN", null)).toBe("/admin");
    expect(landingPath("CUSTOMER", null)).toBe("/");
    expect(landingPath(null, null)).toBe("/");
  });

  it("treats the catalog home as no preference, and keeps any other (already checked) callbackUrl", () => {
    expect(landingPath("STAFF", "/")).toBe("/staff");
    expect(landingPath("ADMIN", "/")).toBe("/admin");
    expect(landingPath("STAFF", "/staff/capacity")).toBe("/staff/capacity");
    expect(landingPath("ADMIN", "/orders?tab=open")).toBe("/orders?tab=open");
    expect(landingPath("CUSTOMER", "/products/linden-sofa")).toBe("/products/linden-sofa");
  });
});
