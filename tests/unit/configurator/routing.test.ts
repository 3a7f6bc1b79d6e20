import { describe, expect, it } from "vitest";
import { evaluate, lint, parseDefinition, type Definition, type LintFinding, type Selection } from "@/lib/configurator";
import { demoProducts } from "@/prisma/demo-products";
import { define, sel } from "./fixtures";

// Routings: operations at work centres, hours attributed to them, component supply days, and lint.

const option = (id: string, extra: Record<string, unknown> = {}) => ({ id, label: id[0]!.toUpperCase() + id.slice(1), priceCents: 0, leadDays: 0, productionHours: 0, ...extra });

const routing: Definition["routing"] = [
  { id: "frame", label: "Frame", workCentre: "frame", hours: 3, setupHours: 1 },
  { id: "upholstery", label: "Upholstery", workCentre: "upholstery", hours: 5 },
  { id: "assembly", label: "Assembly", workCentre: "assembly", hours: 0.5 },
];

/** A sofa: leather adds upholstery hours, width adds frame hours (the first operation, by default). */
function sofa(extraRules: Definition["rules"] = []): Definition {
  return define({
    baseLeadDays: 4,
    routing,
    groups: [
      {
        id: "cover", label: "Cover", type: "single", required: true, default: "wool",
        options: [
          option("wool", { leadDays: 3, components: [{ sku: "FAB-WOOL", name: "Wool fabric (m)", quantity: 8 }] }),
          option("leather", { leadDays: 6, productionHours: 4, operation: "upholstery", components: [{ sku: "LEA-HIDE", name: "Leather hide", quantity: 3, supplyDays: 10 }] }),
        ],
      },
      { id: "width", label: "Width", type: "number", required: true, unit: "cm", min: 100, max: 300, step: 10, default: 200, priceCentsPerUnit: 0, productionHoursPerUnit: 0.01, components: [{ sku: "OAK-20", name: "Oak board", quantity: 0.01, supplyDays: 12 }] },
      { id: "extras", label: "Extras", type: "multi", required: false, options: [option("cushions", { productionHours: 1.25, operation: "upholstery", components: [{ sku: "FAB-WOOL", quantity: 1, supplyDays: 2 }, { sku: "CUSH", quantity: 2 }] })] },
      { id: "monogram", label: "Monogram", type: "text", required: false, maxLength: 4, priceCents: 0, productionHours: 0.75, operation: "assembly" },
    ],
    rules: [{ id: "leather-wax", kind: "leadTime", when: sel("cover", "leather"), productionHours: 1.5, operation: "assembly", message: "Leather is waxed by hand" }, ...extraRules],
  });
}

const raw = () => JSON.parse(JSON.stringify(sofa())) as Record<string, any>;
const issuesOf = (input: unknown) => {
  const result = parseDefinition(input);
  if (result.ok) throw new Error("expected the definition to be rejected");
  return result.issues;
};

describe("routing in the definition schema", () => {
  it("needs 1 to 20 operations, with work-centre keys and hours that are numbers of 0 or more", () => {
    const none = raw();
    none.routing = [];
    expect(issuesOf(none)).toContainEqual(expect.objectContaining({ path: "routing", message: "Give the routing at least one operation" }));
    const many = raw();
    many.routing = Array.from({ length: 21 }, (_, i) => ({ id: `op-${i}`, label: `Op ${i}`, workCentre: "frame", hours: 1 }));
    expect(issuesOf(many).map((i) => i.path)).toContain("routing");
    const bad = raw();
    bad.routing[0].workCentre = "Frame Shop";
    bad.routing[1].hours = -1;
    bad.routing[2].setupHours = "2";
    expect(issuesOf(bad).map((i) => i.path)).toEqual(expect.arrayContaining(["routing.0.workCentre", "routing.1.hours", "routing.2.setupHours"]));
    const old = raw();
    delete old.routing;
    old.baseProductionHours = 4;
    expect(issuesOf(old).map((i) => i.path)).toEqual(expect.arrayContaining(["routing", ""]));
  });

  it("points at duplicate operation ids and at every unknown operation a field names", () => {
    const input = raw();
    input.routing[2].id = "frame";
    input.groups[0].options[1].operation = "sewing";
    input.groups[1].operation = "saw";
    input.groups[3].operation = "engrave";
    input.rules[0].operation = "polish";
    const issues = issuesOf(input);
    expect(issues).toContainEqual({ path: "routing.2.id", message: "Duplicate operation id 'frame'", code: "invalid-setting" });
    expect(issues).toEqual(expect.arrayContaining([
      { path: "groups.0.options.1.operation", message: "Unknown operation 'sewing' (not in the routing)", code: "unknown-reference" },
      { path: "groups.1.operation", message: "Unknown operation 'saw' (not in the routing)", code: "unknown-reference" },
      { path: "groups.3.operation", message: "Unknown operation 'engrave' (not in the routing)", code: "unknown-reference" },
      { path: "rules.0.operation", message: "Unknown operation 'polish' (not in the routing)", code: "unknown-reference" },
    ]));
  });

  it("accepts supply days on components as whole days up to 3650", () => {
    const input = raw();
    input.groups[0].options[0].components[0].supplyDays = 2.5;
    input.groups[1].components[0].supplyDays = 3651;
    expect(issuesOf(input).map((i) => i.path)).toEqual(["groups.0.options.0.components.0.supplyDays", "groups.1.components.0.supplyDays"]);
  });
});

describe("operations in the evaluation", () => {
  const hoursOf = (selection: Selection, quantity = 1) => evaluate(sofa(), selection, { quantity }).operations.map((o) => [o.key, o.hours]);

  it("lists every operation in routing order with its work centre; hours go where the definition says", () => {
    const result = evaluate(sofa(), { cover: "wool", width: 200 });
    expect(result.operations).toEqual([
      // 3 per unit + 200 cm x 0.01 (width names no operation: the first) + 1 setup
      { key: "frame", label: "Frame", workCentre: "frame", hours: 6 },
      { key: "upholstery", label: "Upholstery", workCentre: "upholstery", hours: 5 },
      { key: "assembly", label: "Assembly", workCentre: "assembly", hours: 0.5 },
    ]);
    expect(result.productionHours).toBe(11.5);
  });

  it("leather adds upholstery hours (not frame hours), its rule adds assembly hours, and so do text and extras", () => {
    expect(hoursOf({ cover: "leather", width: 200, extras: ["cushions"], monogram: "AB" })).toEqual([["frame", 6], ["upholstery", 10.25], ["assembly", 2.75]]);
    expect(evaluate(sofa(), { cover: "leather", width: 200, extras: ["cushions"], monogram: "AB" }).productionHours).toBe(19);
  });

  it("multiplies per-unit hours by the quantity and adds setup hours once, without float noise", () => {
    expect(hoursOf({ cover: "wool", width: 110 }, 3)).toEqual([["frame", 13.3], ["upholstery", 15], ["assembly", 1.5]]);
    const result = evaluate(sofa(), { cover: "wool", width: 110 }, { quantity: 3 });
    expect(result.productionHours).toBe(29.8);
    expect(result.productionHours).toBe(result.operations.reduce((sum, o) => sum + o.hours, 0));
  });
});

describe("material lead time with component supply days", () => {
  it("a component's supply days drive the lead time when they are the longest, named with its SKU", () => {
    const result = evaluate(sofa(), { cover: "wool", width: 200 });
    // base 4 + the longest of: wool 3 days, oak board 12 days
    expect(result.leadDays).toBe(16);
    expect(result.leadDrivers).toEqual([{ kind: "component", sku: "OAK-20", days: 12, message: "Oak board (SKU OAK-20) takes 12 days to arrive" }]);
  });

  it("the longest wins; a component only counts when the configuration consumes it", () => {
    const base = sofa();
    const definition = define({ ...base, groups: base.groups.map((g) => (g.id === "width" ? { ...g, min: 0 } : g)) });
    const noBoard = evaluate(definition, { cover: "leather", width: 0 });
    expect(noBoard.leadDays).toBe(4 + 10);
    expect(noBoard.leadDrivers).toEqual([{ kind: "component", sku: "LEA-HIDE", days: 10, message: "Leather hide (SKU LEA-HIDE) takes 10 days to arrive" }]);
    expect(noBoard.bom.find((l) => l.sku === "OAK-20")).toMatchObject({ quantity: 0, supplyDays: 12 });
  });

  it("a component without a name is named by its SKU; equal drivers are all listed", () => {
    const definition = define({
      routing: [{ id: "work", label: "Work", workCentre: "workshop", hours: 1 }],
      groups: [{ id: "g", label: "G", type: "single", required: true, default: "a", options: [option("a", { leadDays: 5, components: [{ sku: "BOLT", quantity: 1, supplyDays: 5 }] })] }],
    });
    expect(evaluate(definition, { g: "a" }).leadDrivers.map((d) => d.message)).toEqual(["A adds 5 days of supply", "SKU BOLT takes 5 days to arrive"]);
  });

  it("BOM lines carry the largest supply days given for their SKU, and none when no component sets them", () => {
    const result = evaluate(sofa(), { cover: "wool", width: 200, extras: ["cushions"] });
    expect(result.bom).toEqual([
      { sku: "FAB-WOOL", name: "Wool fabric (m)", quantity: 9, supplyDays: 2 },
      { sku: "OAK-20", name: "Oak board", quantity: 2, supplyDays: 12 },
      { sku: "CUSH", quantity: 2 },
    ]);
  });
});

describe("lint of the routing", () => {
  const centres = [
    { id: "frame", name: "Frame shop", active: true },
    { id: "upholstery", name: "Upholstery", active: true },
    { id: "assembly", name: "Assembly", active: false },
  ];
  const codes = (findings: LintFinding[]) => findings.map((f) => `${f.severity}:${f.code}`);

  it("an operation at an unknown or inactive work centre is an error naming the operation and the centre", () => {
    const input = raw();
    input.routing[1].workCentre = "sewing";
    const findings = lint(input, centres);
    expect(findings.filter((f) => f.severity === "error")).toEqual([
      { severity: "error", code: "unknown-work-centre", operation: "upholstery", message: 'Operation "Upholstery" (upholstery) is at work centre "sewing", which does not exist' },
      { severity: "error", code: "inactive-work-centre", operation: "assembly", message: 'Operation "Assembly" (assembly) is at work centre "Assembly" (assembly), which is inactive' },
    ]);
    expect(lint(sofa(), [...centres.slice(0, 2), { id: "assembly", name: "Assembly", active: true }])).toEqual([]);
    // Without the workshop's list, centres are not checked.
    expect(lint(input)).toEqual([]);
  });

  it("a routing with no hours in any configuration is an error", () => {
    const definition = define({
      routing: [{ id: "a", label: "A", workCentre: "frame", hours: 0 }, { id: "b", label: "B", workCentre: "frame", hours: 0 }],
      groups: [{ id: "g", label: "G", type: "single", required: true, default: "x", options: [option("x"), option("y", { productionHours: 2, operation: "b" })] }],
      rules: [{ id: "no-y", kind: "excludes", when: { all: [] }, then: sel("g", "y"), message: "Y is gone" }],
    });
    expect(codes(lint(definition))).toEqual(["error:option-never-available", "error:routing-zero-hours"]);
    expect(lint(definition).find((f) => f.code === "routing-zero-hours")?.message).toMatch(/0 hours in every configuration/);
  });

  it("an operation that gets no hours in any configuration is a warning; one a reachable option feeds is fine", () => {
    const definition = define({
      routing: [{ id: "a", label: "Cutting", workCentre: "frame", hours: 1 }, { id: "b", label: "Sewing", workCentre: "upholstery", hours: 0 }, { id: "c", label: "Polish", workCentre: "assembly", hours: 0 }],
      groups: [
        { id: "g", label: "G", type: "single", required: true, default: "x", options: [option("x"), option("y", { productionHours: 2, operation: "b" })] },
        { id: "n", label: "N", type: "number", required: false, unit: "cm", min: 0, max: 0, step: 1, priceCentsPerUnit: 0, productionHoursPerUnit: 1, operation: "c" },
      ],
    });
    expect(lint(definition)).toEqual([{ severity: "warning", code: "operation-zero-hours", operation: "c", message: 'Operation "Polish" (c) gets 0 hours in every configuration' }]);
    const withSetup = define({ ...definition, routing: definition.routing.map((op) => (op.id === "c" ? { ...op, setupHours: 0.5 } : op)) });
    expect(lint(withSetup)).toEqual([]);
  });
});

describe("demo routings", () => {
  const product = (slug: string) => demoProducts.find((p) => p.slug === slug)!.definition;
  const centres = ["frame", "upholstery", "paint", "assembly"];

  it("run over the four demo work centres and keep the per-unit totals of the defaults", () => {
    for (const p of demoProducts) {
      for (const op of p.definition.routing) expect(centres).toContain(op.workCentre);
      expect(lint(p.definition, centres.map((id) => ({ id, name: id, active: true })))).toEqual([]);
    }
    const sofaResult = evaluate(product("linden-sofa"), { material: "wool", "fabric-color": "sand", width: 200, legs: "oak", extras: [] });
    expect(sofaResult.operations.map((o) => [o.workCentre, o.hours])).toEqual([["frame", 8], ["upholstery", 8], ["assembly", 2.5]]);
    expect(sofaResult.productionHours).toBe(18.5);
  });

  it("sofa: leather adds upholstery hours, not frame hours; the roadster uses all four centres", () => {
    const wool = evaluate(product("linden-sofa"), { material: "wool", "fabric-color": "sand", width: 200, legs: "oak", extras: [] });
    const leather = evaluate(product("linden-sofa"), { material: "leather", "leather-color": "cognac", width: 200, legs: "oak", extras: [] });
    expect(leather.operations[0]!.hours).toBe(wool.operations[0]!.hours);
    expect(leather.operations[1]!.hours).toBe(wool.operations[1]!.hours + 6);
    const car = evaluate(product("vela-roadster"), { powertrain: "standard", paint: "alpine-white", wheels: "aero-18", packages: [], interior: "charcoal" });
    expect(car.operations.map((o) => o.workCentre)).toEqual(["frame", "paint", "upholstery", "assembly"]);
    expect(car.productionHours).toBe(60);
  });
});
