import { describe, expect, it } from "vitest";
import { orderNumberSchema, orderStatusSchema, transitionFormSchema } from "@/lib/orders/schema";

describe("order numbers", () => {
  it("accept the year and a sequence of six digits or more: numbers grow past 999,999", () => {
    for (const number of ["AT-2026-000123", "AT-2026-999999", "AT-2027-1234567", "AT-2030-123456789"]) {
      expect(orderNumberSchema.safeParse(number).success, number).toBe(true);
    }
  });

  it("refuse anything else", () => {
    for (const number of ["", "AT-2026-12345", "AT-26-000123", "XX-2026-000123", "at-2026-000123", "AT-2026-000123x", "AT-2026-0001 23", "AT-2026-", "../AT-2026-000123"]) {
      expect(orderNumberSchema.safeParse(number).success, number).toBe(false);
    }
  });

  it("are the same rule for a staff member's transition as for the customer's pages", () => {
    const move = (number: string) => transitionFormSchema.safeParse({ number, expected: "PLACED", to: "CONFIRMED" });
    expect(move("AT-2027-1234567").success).toBe(true);
    expect(move("AT-2026-000123").success).toBe(true);
    expect(move("AT-2026-12345").success).toBe(false);
  });
});

describe("order statuses", () => {
  it("are the nine of the lifecycle (a large order first awaits approval)", () => {
    expect(orderStatusSchema.options).toEqual(["AWAITING_APPROVAL", "PLACED", "CONFIRMED", "IN_PRODUCTION", "QUALITY_CHECK", "READY_TO_SHIP", "SHIPPED", "DELIVERED", "CANCELLED"]);
    expect(orderStatusSchema.safeParse("LOST").success).toBe(false);
  });
});
