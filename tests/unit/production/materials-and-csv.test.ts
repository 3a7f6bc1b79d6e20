import { describe, expect, it } from "vitest";
import { csvCell as csvField, toCsv } from "@/lib/csv";
import { materialsCsv, sumMaterials } from "@/lib/production/materials";
import { componentNames, nameComponents } from "@/lib/production/component-names";
import { evaluate, normalize } from "@/lib/configurator";
import { demoProducts } from "@/prisma/demo-products";
import { transitionFormSchema } from "@/lib/orders/schema";
import { parseBoardQuery } from "@/lib/production/schema";

describe("materials plan", () => {
  it("sums each component over orders, lists the orders needing it and the last day to order it", () => {
    const lines = sumMaterials([
      { number: "AT-2026-000001", neededOn: new Date("2026-12-14"), bom: [{ sku: "OAK-BOARD", quantity: 2.5, supplyDays: 12 }, { sku: "SCREW", quantity: 8 }] },
      { number: "AT-2026-000002", neededOn: new Date("2026-12-10"), bom: [{ sku: "OAK-BOARD", name: "Oak board", unit: "m", quantity: 0.2, supplyDays: 12 }] },
    ]);
    expect(lines).toEqual([
      { sku: "OAK-BOARD", name: "Oak board", unit: "m", quantity: 2.7, orders: ["AT-2026-000001", "AT-2026-000002"], supplyDays: 12, orderBy: new Date("2026-11-28") },
      // No name anywhere: none is made up (the SKU is not repeated as its name).
      { sku: "SCREW", name: "", unit: "", quantity: 8, orders: ["AT-2026-000001"], supplyDays: 0, orderBy: new Date("2026-12-14") },
    ]);
  });

  it("lists a changed order with its revision, so buyers know which specification the quantities are for", () => {
    const lines = sumMaterials([
      { number: "AT-2026-000001", revision: 1, neededOn: new Date("2026-12-14"), bom: [{ sku: "LINEN", quantity: 3 }] },
      { number: "AT-2026-000002", revision: 3, neededOn: new Date("2026-12-14"), bom: [{ sku: "LINEN", quantity: 2 }] },
    ]);
    expect(lines[0]?.orders).toEqual(["AT-2026-000001", "AT-2026-000002 (rev. 3)"]);
    const csv = materialsCsv([{ week: "2026-W51", start: new Date("2026-12-14T00:00:00Z"), orders: 2, lines }]);
    expect(csv.split("\r\n")[1]).toBe("2026-W51,2026-12-14,LINEN,,5,,0,2026-12-14,AT-2026-000001; AT-2026-000002 (rev. 3)");
  });

  it("exports one CSV row per week and component", () => {
    const csv = materialsCsv([{ week: "2026-W49", start: new Date("2026-11-30T00:00:00Z"), orders: 1, lines: [{ sku: "A", name: "Leather, cognac", unit: "hide", quantity: 3, orders: ["AT-2026-000001"], supplyDays: 10, orderBy: new Date("2026-11-20") }] }]);
    expect(csv).toBe('week,week_start,sku,component,quantity,unit,supply_days,order_by,orders\r\n2026-W49,2026-11-30,A,"Leather, cognac",3,hide,10,2026-11-20,AT-2026-000001\r\n');
  });

  it("names components an older order's snapshot left bare, from its product's definition", () => {
    const names = componentNames([{ groups: [{ options: [{ components: [{ sku: "LEG", name: "Oak leg", unit: "pcs" }] }] }, { components: [{ sku: "RAIL", name: "Rail" }] }] }, null, { groups: "junk" }]);
    expect(nameComponents([{ sku: "LEG", quantity: 4 }, { sku: "RAIL", name: "Own name", quantity: 1 }, { sku: "OTHER", quantity: 1 }], names)).toEqual([
      { sku: "LEG", name: "Oak leg", unit: "pcs", quantity: 4 },
      { sku: "RAIL", name: "Own name", quantity: 1 },
      { sku: "OTHER", quantity: 1 },
    ]);
  });
});

describe("the demo products' bills of materials", () => {
  const definitions = demoProducts.map((p) => p.definition);

  it("give every component a SKU, a name that is not the SKU, a quantity and a unit", () => {
    for (const definition of definitions) {
      let checked = 0;
      for (const group of definition.groups) {
        const lists = group.type === "single" || group.type === "multi" ? group.options.map((o) => o.components ?? []) : [group.components ?? []];
        for (const c of lists.flat()) {
          checked++;
          expect(c.name, c.sku).toBeTruthy();
          expect(c.name).not.toBe(c.sku);
          expect(c.unit, c.sku).toBeTruthy();
          expect(c.quantity).toBeGreaterThan(0);
        }
      }
      // Every demo product consumes components: the loop above is never empty.
      expect(checked).toBeGreaterThan(0);
    }
  });

  it("buy the sofa's cloth in the chosen colour, and list every part of the car", () => {
    const sofa = demoProducts.find((p) => p.slug === "linden-sofa")!.definition;
    const bom = (definition: typeof sofa, selection: Record<string, unknown>) => {
      const normalized = normalize(definition, selection);
      if (!normalized.ok) throw new Error(JSON.stringify(normalized.errors));
      return evaluate(definition, normalized.selection).bom;
    };
    expect(bom(sofa, { material: "wool", "fabric-color": "sage" })).toEqual(expect.arrayContaining([expect.objectContaining({ sku: "FAB-WOOL-SAGE", name: "Wool boucle fabric, sage", quantity: 9, unit: "m" })]));
    const linen = bom(sofa, { material: "linen", "fabric-color": "ink", width: 240 });
    expect(linen.map((l) => l.sku)).toEqual(expect.arrayContaining(["FAB-LINEN-INK", "FRAME-BEECH"]));
    expect(linen.map((l) => l.sku)).not.toContain("FAB-WOOL-INK");
    expect(linen.find((l) => l.sku === "FRAME-BEECH")).toMatchObject({ quantity: 240, unit: "cm" });
    expect(bom(sofa, { material: "leather", "leather-color": "black" }).map((l) => l.sku)).toEqual(expect.arrayContaining(["LEA-ANILINE-BLACK", "WAX-LEATHER"]));
    const car = demoProducts.find((p) => p.slug === "vela-roadster")!.definition;
    const carBom = bom(car, { paint: "lagoon", interior: "oyster", packages: ["winter"], monogram: "ADA" });
    expect(carBom.map((l) => l.name)).toEqual([
      "Battery pack 64 kWh",
      "Rear drive unit, 200 kW",
      "Lagoon blue metallic paint",
      "18-inch aero wheel with tyre",
      "Heat pump and winter wheel set",
      "Seat and door trim set, oyster leather",
      "Stainless sill plate blank, for engraving",
    ]);
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
