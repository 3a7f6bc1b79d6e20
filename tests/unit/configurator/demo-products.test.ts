import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { evaluate, fixFor, inferFor, lint, normalize, parseDefinition, previewLayers, type Selection } from "@/lib/configurator";
import { demoProducts } from "@/prisma/demo-products";

const product = (slug: string) => {
  const found = demoProducts.find((p) => p.slug === slug);
  if (!found) throw new Error(`no demo product ${slug}`);
  return found.definition;
};
const start = (slug: string, changes: Selection = {}) => {
  const result = normalize(product(slug), changes);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.selection;
};

describe("demo products", () => {
  it("has at least three products, each with a parsing definition, a summary and an image on disk", () => {
    expect(demoProducts.length).toBeGreaterThanOrEqual(3);
    for (const p of demoProducts) {
      expect(parseDefinition(JSON.parse(JSON.stringify(p.definition)))).toMatchObject({ ok: true });
      expect(p.image).toBe(`/products/${p.slug}.svg`);
      expect(p.summary).not.toMatch(/\n/);
      const svg = readFileSync(join(process.cwd(), "public", p.image), "utf8");
      expect(svg).toMatch(/^<svg[^>]+viewBox="0 0 640 480"/);
    }
    expect(existsSync(join(process.cwd(), "public/products"))).toBe(true);
  });

  it("every product's defaults evaluate valid and lint finds no problem", () => {
    for (const p of demoProducts) {
      const selection = start(p.slug);
      expect(evaluate(p.definition, selection).problems).toEqual([]);
      expect(lint(p.definition)).toEqual([]);
    }
  });

  it("uses every group type and every rule kind across the catalog", () => {
    const all = demoProducts.flatMap((p) => p.definition.groups.map((g) => g.type));
    expect(new Set(all)).toEqual(new Set(["single", "multi", "number", "text"]));
    const kinds = demoProducts.flatMap((p) => p.definition.rules.map((r) => r.kind));
    expect(new Set(kinds)).toEqual(new Set(["requires", "excludes", "visibleWhen", "range", "price", "leadTime"]));
  });

  it("sofa: leather adds 21 supply days, caps the width at 220 cm and switches the colour group", () => {
    const sofa = product("linden-sofa");
    const leather = start("linden-sofa", { material: "leather", width: 210 });
    expect(leather).toMatchObject({ material: "leather", "leather-color": "cognac" });
    expect(leather["fabric-color"]).toBeUndefined();
    const result = evaluate(sofa, leather);
    expect(result.valid).toBe(true);
    expect(result.leadDays).toBe(7 + 21);
    expect(result.leadDrivers[0]!.message).toBe("Aniline leather adds 21 days of supply");
    expect(result.ranges.width!.max).toBe(220);
    expect(result.breakdown.lines).toContainEqual(expect.objectContaining({ kind: "rule", ruleId: "wide-leather", amountCents: 15_000 }));
    const tooWide = evaluate(sofa, { ...leather, width: 240 });
    expect(tooWide.problems).toEqual([{ code: "range", group: "width", ruleId: "leather-width", message: "Leather sofas are made up to 220 cm wide (one hide per seat)" }]);
    const wideFabric = start("linden-sofa", { width: 240 });
    expect(evaluate(sofa, wideFabric).options.material!.leather!.available).toBe(false);
    expect(fixFor(sofa, wideFabric, "material", "leather")?.label).toBe("Set Width to 220 cm");
  });

  it("bicycle: carbon wheels are excluded with the city frame, with a fix", () => {
    const bike = product("tempo-bicycle");
    const city = start("tempo-bicycle", { frame: "city-steel" });
    const result = evaluate(bike, city);
    expect(result.options.wheels!["carbon-45"]).toMatchObject({ available: false, reason: "Carbon wheels are not offered with the city frame" });
    expect(fixFor(bike, city, "wheels", "carbon-45")?.label).toBe("Choose Road, aluminium");
    expect(result.options.wheels!.dynamo!.available).toBe(true);
    expect(evaluate(bike, start("tempo-bicycle")).hiddenOptions).toEqual({ wheels: ["dynamo"] });
  });

  it("car: sport seats require the Comfort package; the monogram has a pattern", () => {
    const car = product("vela-roadster");
    const result = evaluate(car, start("vela-roadster"));
    // Choosing sport seats brings the Comfort package (the only way to satisfy the rule), undoably.
    expect(result.options.packages!["sport-seats"]).toEqual({ available: true, adds: ["Packages: Comfort package"] });
    expect(inferFor(car, start("vela-roadster"), "packages", "sport-seats")?.notice).toBe("Packages: Comfort package added because Packages: Sport seats needs it");
    expect(evaluate(car, start("vela-roadster"), { infer: false }).options.packages!["sport-seats"]).toMatchObject({ available: false, reason: "Sport seats require the Comfort package" });
    expect(fixFor(car, start("vela-roadster"), "packages", "sport-seats")?.label).toBe("Choose Comfort package");
    expect(evaluate(car, start("vela-roadster", { monogram: "a.b" })).problems).toEqual([{ code: "text-pattern", group: "monogram", message: "Use capital letters, digits, spaces and . & -" }]);
    const track = evaluate(car, start("vela-roadster", { powertrain: "performance", packages: ["track"] }));
    expect(track.valid).toBe(true);
    expect(track.leadDays).toBe(14 + 28);
  });

  it("previews colour the layers of the chosen options", () => {
    const sofa = previewLayers(product("linden-sofa"), start("linden-sofa", { "fabric-color": "sage", extras: ["bolsters"] }))!;
    expect(sofa.layers.find((l) => l.id === "upholstery")!.fill).toBe("#9caf88");
    expect(sofa.layers.map((l) => l.id)).toContain("bolsters");
    const bike = previewLayers(product("tempo-bicycle"), start("tempo-bicycle", { paint: "racing-green" }))!;
    expect(bike.layers.find((l) => l.id === "frame")!.fill).toBe("#1b5e3b");
    expect(bike.layers.map((l) => l.id)).not.toContain("fenders");
  });
});
