import { describe, expect, it } from "vitest";
import { csvCell as csvField, toCsv } from "@/lib/csv";
import { materialsCsv, sumMaterials } from "@/lib/production/materials";
import { transitionFormSchema } from "@/lib/orders/schema";
import { parseBoardQuery } from "@/lib/production/schema";

describe("materials plan", () => {
  it("sums each component over orders, lists the orders needing it and the last day to order it", () => {
    const lines = sumMaterials([
      { number: "AT-2026-000001", neededOn: new Date("2026-12-14"), bom: [{ sku: "OAK-BOARD", name: "Oak board", quantity: 2.5, supplyDays: 12 }, { sku: "SCREW", quantity: 8 }] },
      { number: "AT-2026-000002", neededOn: new Date("2026-12-10"), bom: [{ sku: "OAK-BOARD", name: "Oak board", quantity: 0.2, supplyDays: 12 }] },
    ]);
    expect(lines).toEqual([
      { sku: "OAK-BOARD", name: "Oak board", quantity: 2.7, orders: ["AT-2026-000001", "AT-2026-000002"], supplyDays: 12, orderBy: new Date("2026-11-28") },
      { sku: "SCREW", name: "SCREW", quantity: 8, orders: ["AT-2026-000001"], supplyDays: 0, orderBy: new Date("2026-12-14") },
    ]);
  });

  it("exports one CSV row per week and component", () => {
    const csv = materialsCsv([{ week: "2026-W49", start: new Date("2026-11-30T00:00:00Z"), orders: 1, lines: [{ sku: "A", name: "Leather, cognac", quantity: 3, orders: ["AT-2026-000001"], supplyDays: 10, orderBy: new Date("2026-11-20") }] }]);
    expect(csv).toBe('week,week_start,sku,component,quantity,supply_days,order_by,orders\r\n2026-W49,2026-11-30,A,"Leather, cognac",3,10,2026-11-20,AT-2026-000001\r\n');
  });

  it("quotes separators and defuses spreadsheet formulas", () => {
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField("=SUM(A1)")).toBe("'=SUM(A1)");
    expect(csvField(-2)).toBe("-2");
    expect(toCsv([["a"]])).toBe("a\r\n");
  });
});

describe("staff form input", () => {
  it("requires a reason to cancel and carrier plus tracking to ship", () => {
    const base = { number: "AT-2026-000001", expected: "PLACED", to: "CANCELLED", reason: "" };
    expect(transitionFormSchema.safeParse(base).success).toBe(false);
    expect(transitionFormSchema.safeParse({ ...base, reason: "Out of stock" }).success).toBe(true);
    const ship = transitionFormSchema.safeParse({ number: "AT-2026-000001", expected: "READY_TO_SHIP", to: "SHIPPED", carrier: "DHL" });
    expect(ship.success).toBe(false);
    expect(transitionFormSchema.safeParse({ number: "x", expected: "PLACED", to: "CONFIRMED" }).success).toBe(false);
  });

  it("reads the board query and ignores junk", () => {
    expect(parseBoardQuery({ q: " clara ", product: "linden-sofa", p_PLACED: "3", p_BOGUS: "2", p_SHIPPED: "-1" })).toEqual({ q: "clara", product: "linden-sofa", page: {} });
    expect(parseBoardQuery({ p_PLACED: "3", p_CONFIRMED: "2" }).page).toEqual({ PLACED: 3, CONFIRMED: 2 });
    expect(parseBoardQuery({})).toEqual({ q: undefined, product: undefined, page: {} });
  });
});
