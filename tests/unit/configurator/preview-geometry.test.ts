import { describe, expect, it } from "vitest";
import { normalize, parseDefinition, previewLayers, type Definition, type Selection } from "@/lib/configurator";
import { bandMap, stretchPath } from "@/lib/configurator/evaluate/stretch-path";
import { initialView } from "@/lib/configurator/view";
import { demoProducts } from "@/prisma/demo-products";

// The preview follows what was chosen: a number group (the sofa's width) reshapes the drawing in
// proportion, and options redraw layers (sled legs, a step-through frame, larger wheels).

const product = (slug: string) => demoProducts.find((p) => p.slug === slug)!.definition;
const start = (definition: Definition, changes: Selection = {}) => {
  const result = normalize(definition, changes);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.selection;
};
const layer = (definition: Definition, changes: Selection, id: string) => {
  const found = previewLayers(definition, start(definition, changes))!.layers.find((l) => l.id === id);
  if (!found) throw new Error(`no visible layer ${id}`);
  return found.d;
};

/** The polygons of absolute M/L/Z path data (what the demo drawings' straight parts are made of). */
function polygons(d: string): [number, number][][] {
  return d.split(/(?=M)/).map((part) => [...part.matchAll(/[ML]\s*(-?[\d.]+)\s+(-?[\d.]+)/g)].map((m) => [Number(m[1]), Number(m[2])] as [number, number]));
}

/** The x extent of path data whose commands are absolute (every coordinate pair read). */
function xExtent(d: string): { min: number; max: number } {
  const xs: number[] = [];
  for (const m of d.matchAll(/([MLQC])([^MLQCZ]*)/g)) {
    const numbers = m[2]!.trim().split(/[\s,]+/).map(Number);
    for (let i = 0; i < numbers.length; i += 2) xs.push(numbers[i]!);
  }
  return { min: Math.min(...xs), max: Math.max(...xs) };
}

/** The highest point (smallest y) any polygon of `d` reaches on the vertical line at x (Infinity when none crosses it). */
function topAt(d: string, x: number): number {
  let top = Infinity;
  for (const points of polygons(d)) {
    points.forEach(([x1, y1], i) => {
      const [x2, y2] = points[(i + 1) % points.length]!;
      if ((x1 - x) * (x2 - x) > 0 || x1 === x2) return;
      top = Math.min(top, y1 + ((x - x1) / (x2 - x1)) * (y2 - y1));
    });
  }
  return top;
}

describe("stretchPath", () => {
  it("moves what lies outside the band and stretches the band in between", () => {
    const map = bandMap(100, 200, 40);
    expect([map(50), map(100), map(150), map(200), map(250)]).toEqual([30, 80, 150, 220, 270]);
    expect(stretchPath("M 50 0 L 150 10 L 250 0 Z", "x", map)).toBe("M 30 0 L 150 10 L 270 0 Z");
    expect(bandMap(100, 200, 40, "start")(250)).toBe(290);
    expect(bandMap(100, 200, 40, "end")(50)).toBe(10);
  });

  it("reads relative commands, H and V, repeated pairs and arcs, and writes them absolute", () => {
    const map = bandMap(100, 200, 100, "start");
    expect(stretchPath("m 50 5 l 100 0 100 0 h 50 v 10 z", "x", map)).toBe("M 50 5 L 200 5 L 350 5 L 400 5 L 400 15 Z");
    // A full ellipse from x 50 to x 250 grows by the band's 100 units: its x radius follows.
    expect(stretchPath("M 50 0 a 100 10 0 1 0 200 0 a 100 10 0 1 0 -200 0 Z", "x", map)).toBe("M 50 0 A 150 10 0 1 0 350 0 A 150 10 0 1 0 50 0 Z");
    expect(stretchPath("M 0 50 L 10 150", "y", bandMap(100, 200, 20))).toBe("M 0 40 L 10 150");
  });

  it("leaves data it cannot read unchanged", () => {
    expect(stretchPath("M 1 x", "x", bandMap(0, 1, 1))).toBe("M 1 x");
  });
});

describe("the sofa's width drives its drawing", () => {
  const sofa = product("linden-sofa");

  it("is drawn as defined at 200 cm, and the drawing differs at 160 cm", () => {
    const at200 = previewLayers(sofa, start(sofa, { width: 200 }))!;
    expect(at200.layers.find((l) => l.id === "upholstery")!.d).toBe(sofa.preview!.layers.find((l) => l.id === "upholstery")!.d);
    const at160 = previewLayers(sofa, start(sofa, { width: 160 }))!;
    expect(at160).not.toEqual(at200);
    for (const id of ["upholstery", "legs", "shadow", "shading"]) expect(at160.layers.find((l) => l.id === id)!.d).not.toBe(at200.layers.find((l) => l.id === id)!.d);
  });

  it("draws the sofa in proportion to its width, arm to arm, centred, within the picture", () => {
    const widths = [160, 200, 230, 260].map((width) => {
      const { min, max } = xExtent(layer(sofa, { width }, "upholstery"));
      expect((min + max) / 2).toBeCloseTo(320, 5);
      expect(min).toBeGreaterThanOrEqual(0);
      expect(max).toBeLessThanOrEqual(640);
      return max - min;
    });
    const [w160, w200, w230, w260] = widths as [number, number, number, number];
    expect(w160 / w200).toBeCloseTo(160 / 200, 3);
    expect(w230 / w200).toBeCloseTo(230 / 200, 3);
    expect(w260 / w200).toBeCloseTo(260 / 200, 3);
  });

  it("keeps the legs their size and moves them out with the arms", () => {
    const legs = (width: number) => polygons(layer(sofa, { width }, "legs")).map((p) => xExtent(p.map(([x, y]) => `L ${x} ${y}`).join(" ")));
    const narrow = legs(160);
    const wide = legs(260);
    narrow.forEach((leg, i) => expect(wide[i]!.max - wide[i]!.min).toBeCloseTo(leg.max - leg.min, 5));
    expect(wide[0]!.min).toBeLessThan(narrow[0]!.min - 100);
  });

  it("draws sled legs, steel legs and tapered legs differently", () => {
    const tapered = layer(sofa, { legs: "oak" }, "legs");
    const walnut = layer(sofa, { legs: "walnut" }, "legs");
    const sled = layer(sofa, { legs: "brass" }, "legs");
    const steel = layer(sofa, { legs: "steel" }, "legs");
    expect(walnut).toBe(tapered);
    expect(new Set([tapered, sled, steel]).size).toBe(3);
    // Four legs, or a sled under each arm.
    expect(polygons(tapered)).toHaveLength(4);
    expect(polygons(sled)).toHaveLength(2);
    // A sled stands on a runner: it is wider on the floor than a tapered leg.
    const widest = (d: string) => Math.max(...polygons(d).map((p) => Math.max(...p.map(([x]) => x)) - Math.min(...p.map(([x]) => x))));
    expect(widest(sled)).toBeGreaterThan(2.5 * widest(tapered));
    // The sled is stretched with the width like everything else.
    expect(layer(sofa, { legs: "brass", width: 250 }, "legs")).not.toBe(sled);
  });
});

describe("the roller blind is drawn at its width and drop", () => {
  const blind = product("lumen-roller-blind");

  it("sizes the fabric in proportion to both, the headrail staying where it hangs", () => {
    const box = (width: number, height: number) => {
      const points = polygons(layer(blind, { width, height }, "fabric"))[0]!;
      const xs = points.map(([x]) => x);
      const ys = points.map(([, y]) => y);
      return { w: Math.max(...xs) - Math.min(...xs), h: Math.max(...ys) - Math.min(...ys), top: Math.min(...ys), bottom: Math.max(...ys) };
    };
    const base = box(120, 160);
    for (const [width, height] of [[40, 40], [300, 300], [200, 100]] as const) {
      const drawn = box(width, height);
      expect(drawn.w / base.w).toBeCloseTo(width / 120, 3);
      expect(drawn.h / base.h).toBeCloseTo(height / 160, 3);
      expect(drawn.top).toBe(base.top);
      expect(drawn.bottom).toBeLessThanOrEqual(480);
    }
    expect(layer(blind, { fabric: "blackout" }, "fabric")).toBe(layer(blind, {}, "fabric"));
    expect(previewLayers(blind, start(blind, { motor: "quiet", power: "battery" }))!.layers.map((l) => l.id)).toContain("motor");
  });
});

describe("the bicycle's frame type changes the frame", () => {
  const bike = product("tempo-bicycle");
  const frame = (id: string) => layer(bike, { frame: id, ...(id === "city-steel" ? { groupset: "nexus-8" } : {}) }, "frame");

  it("draws the city step-through without a top tube, the gravel frame with a sloping one", () => {
    const road = frame("road-alloy");
    const gravel = frame("gravel-steel");
    const city = frame("city-steel");
    expect(new Set([road, gravel, city]).size).toBe(3);
    // Half way between saddle and bars: a top tube near the top of the frame, or nothing high at all.
    expect(topAt(road, 345)).toBeLessThan(215);
    expect(topAt(gravel, 345)).toBeLessThan(230);
    expect(topAt(city, 345)).toBeGreaterThan(245);
    // The gravel top tube meets the seat tube lower than the road one.
    expect(topAt(gravel, 300)).toBeGreaterThan(topAt(road, 300) + 15);
    // Upright swept-back bars on the city bike; fatter tyres on the gravel bike.
    expect(layer(bike, { frame: "city-steel" }, "cockpit")).not.toBe(layer(bike, { frame: "road-alloy" }, "cockpit"));
    expect(layer(bike, { frame: "gravel-steel" }, "tyres")).not.toBe(layer(bike, { frame: "road-alloy" }, "tyres"));
  });

  it("keeps the paint colour on whichever frame is drawn", () => {
    const city = previewLayers(bike, start(bike, { frame: "city-steel", paint: "racing-green" }))!;
    expect(city.layers.find((l) => l.id === "frame")).toMatchObject({ fill: "#1b5e3b", d: frame("city-steel") });
  });
});

describe("the roadster", () => {
  const car = product("vela-roadster");

  it("is a two-door roadster: a windscreen and no side windows, one door a side, no roof above the windscreen", () => {
    const view = previewLayers(car, start(car))!;
    const d = (id: string) => view.layers.find((l) => l.id === id)!.d;
    expect(polygons(d("windows"))).toHaveLength(1);
    const seams = polygons(d("trim")).filter((p) => {
      const ys = p.map(([, y]) => y);
      return Math.max(...ys) - Math.min(...ys) > 40;
    });
    expect(seams).toHaveLength(2);
    const windscreenTop = Math.min(...polygons(d("windows"))[0]!.map(([, y]) => y));
    const bodyTop = Math.min(...[...d("body").matchAll(/(-?[\d.]+)\s+(-?[\d.]+)/g)].map((m) => Number(m[2])));
    expect(bodyTop).toBeGreaterThan(windscreenTop + 20);
  });

  it("draws larger wheels with larger rims", () => {
    const rims = (wheels: string) => layer(car, { wheels }, "rims");
    expect(new Set([rims("aero-18"), rims("sport-19"), rims("forged-20")]).size).toBe(3);
  });
});

describe("preview data in a definition", () => {
  const base = () => JSON.parse(JSON.stringify(product("linden-sofa"))) as Definition;

  it("refuses a stretch over a group that is not a number, a band that ends before it starts, and unknown layers", () => {
    const definition = base();
    definition.preview!.stretch = [{ group: "legs", axis: "x", from: 10, to: 5, reference: 1, perUnit: 1, layers: ["nope"] }];
    const legs = definition.groups.find((g) => g.id === "legs");
    if (legs?.type !== "single") throw new Error("the sofa's legs are a single group");
    legs.options[0]!.preview = { shapes: [{ layer: "missing", d: "M 0 0" }] };
    const result = parseDefinition(definition);
    expect(result.ok).toBe(false);
    const paths = result.ok ? [] : result.issues.map((i) => i.path);
    expect(paths).toEqual(expect.arrayContaining(["preview.stretch.0.group", "preview.stretch.0.to", "preview.stretch.0.layers.0", "groups.4.options.0.preview.shapes.0.layer"]));
  });

  it("gives the first view the same drawing the engine gives in the browser, as plain data", () => {
    for (const { definition } of demoProducts) {
      const view = initialView(definition, "EUR");
      expect(JSON.parse(JSON.stringify(view.preview))).toEqual(previewLayers(definition, view.selection));
    }
    const sofa = product("linden-sofa");
    expect(previewLayers(sofa, start(sofa, { width: 240 }))).toEqual(previewLayers(JSON.parse(JSON.stringify(sofa)) as Definition, start(sofa, { width: 240 })));
  });
});
