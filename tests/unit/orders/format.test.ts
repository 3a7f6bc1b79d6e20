import { describe, expect, it } from "vitest";
import { formatDate } from "@/lib/dates";
import { formatCents } from "@/lib/money";
import { formatOrderNumber } from "@/lib/orders/number";
import { configurationHash } from "@/lib/orders/hash";

describe("order presentation", () => {
  it("formats order numbers as AT-YYYY-NNNNNN", () => {
    expect(formatOrderNumber(2026, 123)).toBe("AT-2026-000123");
    expect(formatOrderNumber(2027, 1_234_567)).toBe("AT-2027-1234567");
  });
  it("formats integer cents in the shop currency", () => {
    expect(formatCents(129_900, "EUR")).toBe("€1,299.00");
    expect(formatCents(5, "GBP")).toBe("£0.05");
    expect(formatCents(-1_050, "EUR")).toBe("-€10.50");
  });
  it("formats dates as UTC calendar days", () => {
    expect(formatDate(new Date("2026-12-31T23:30:00Z"))).toBe("31 Dec 2026");
  });
});

describe("configuration hash", () => {
  it("ignores key and multi-choice order but not the values, version or quantity", () => {
    const a = configurationHash("v1", { colour: "red", extras: ["a", "b"], width: 200 }, 1);
    expect(configurationHash("v1", { width: 200, extras: ["b", "a"], colour: "red" }, 1)).toBe(a);
    expect(configurationHash("v1", { colour: "blue", extras: ["a", "b"], width: 200 }, 1)).not.toBe(a);
    expect(configurationHash("v2", { colour: "red", extras: ["a", "b"], width: 200 }, 1)).not.toBe(a);
    expect(configurationHash("v1", { colour: "red", extras: ["a", "b"], width: 200 }, 2)).not.toBe(a);
    expect(a).toMatch(/^[0-9a-f]{64}$/);
  });
});
