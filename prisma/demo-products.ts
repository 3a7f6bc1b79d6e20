import type { Definition } from "../lib/configurator/definition/schema";

// Demo catalog used by the seed and the tests: three made-to-order products that exercise every
// group type and rule kind. Prices are integer cents; previews are 640x480 SVG layers.
// Routings run over the seed's work centres: frame (Frame shop), upholstery, paint (Paint shop), assembly.

export type DemoProduct = {
  slug: string;
  name: string;
  summary: string;
  description: string;
  image: string;
  definition: Definition;
};

const f = (n: number) => Math.round(n * 10) / 10;

/** SVG path data for a full circle (two arcs). */
function circle(cx: number, cy: number, r: number): string {
  return `M ${f(cx - r)} ${cy} a ${r} ${r} 0 1 0 ${2 * r} 0 a ${r} ${r} 0 1 0 ${-2 * r} 0 Z`;
}

/** SVG path data for a ring: the inner circle runs the other way, so it cuts a hole with the nonzero rule. */
function ring(cx: number, cy: number, outer: number, inner: number): string {
  return `${circle(cx, cy, outer)} M ${f(cx - inner)} ${cy} a ${inner} ${inner} 0 1 1 ${2 * inner} 0 a ${inner} ${inner} 0 1 1 ${-2 * inner} 0 Z`;
}

/** SVG path data for a straight tube of the given width between two points. */
function tube(x1: number, y1: number, x2: number, y2: number, width: number): string {
  const length = Math.hypot(x2 - x1, y2 - y1);
  const nx = (-(y2 - y1) / length) * (width / 2);
  const ny = ((x2 - x1) / length) * (width / 2);
  return `M ${f(x1 + nx)} ${f(y1 + ny)} L ${f(x2 + nx)} ${f(y2 + ny)} L ${f(x2 - nx)} ${f(y2 - ny)} L ${f(x1 - nx)} ${f(y1 - ny)} Z`;
}

/** SVG path data for a band of a ring between two angles (degrees, 0 = east, clockwise on screen). */
function arcBand(cx: number, cy: number, outer: number, inner: number, from: number, to: number): string {
  const point = (r: number, deg: number) => {
    const rad = (deg * Math.PI) / 180;
    return `${f(cx + r * Math.cos(rad))} ${f(cy + r * Math.sin(rad))}`;
  };
  const large = Math.abs(to - from) > 180 ? 1 : 0;
  return `M ${point(outer, from)} A ${outer} ${outer} 0 ${large} 1 ${point(outer, to)} L ${point(inner, to)} A ${inner} ${inner} 0 ${large} 0 ${point(inner, from)} Z`;
}

const sel = (group: string, option: string) => ({ selected: { group, option } });

const sofa: Definition = {
  basePriceCents: 129_000,
  baseLeadDays: 7,
  routing: [
    { id: "frame", label: "Frame", workCentre: "frame", hours: 4 },
    { id: "upholstery", label: "Upholstery", workCentre: "upholstery", hours: 8 },
    { id: "assembly", label: "Assembly and inspection", workCentre: "assembly", hours: 2 },
  ],
  premiumPercent: 5,
  groups: [
    {
      id: "material",
      label: "Upholstery",
      type: "single",
      required: true,
      display: "card",
      default: "wool",
      options: [
        { id: "wool", label: "Wool boucle", description: "Soft, hard-wearing Norwegian wool.", priceCents: 0, leadDays: 5, productionHours: 0, components: [{ sku: "FAB-WOOL-BOUCLE", name: "Wool boucle fabric (m)", quantity: 9 }] },
        { id: "linen", label: "Washed linen", description: "Relaxed Belgian linen, pre-washed.", priceCents: 9_000, leadDays: 7, productionHours: 0, components: [{ sku: "FAB-LINEN-WASHED", name: "Washed linen fabric (m)", quantity: 9 }] },
        { id: "leather", label: "Aniline leather", description: "Full-grain leather that ages beautifully.", priceCents: 69_000, leadDays: 21, productionHours: 6, operation: "upholstery", components: [{ sku: "LEA-ANILINE-HIDE", name: "Aniline leather hide", quantity: 3, supplyDays: 10 }] },
      ],
    },
    {
      id: "fabric-color",
      label: "Fabric colour",
      type: "single",
      required: true,
      display: "swatch",
      default: "sand",
      options: [
        { id: "sand", label: "Sand", priceCents: 0, leadDays: 0, productionHours: 0, preview: { layer: "upholstery", color: "#d9c8a9" } },
        { id: "sage", label: "Sage", priceCents: 0, leadDays: 0, productionHours: 0, preview: { layer: "upholstery", color: "#9caf88" } },
        { id: "ink", label: "Ink blue", priceCents: 0, leadDays: 0, productionHours: 0, preview: { layer: "upholstery", color: "#34466b" } },
        { id: "terracotta", label: "Terracotta", priceCents: 4_500, leadDays: 6, productionHours: 0, preview: { layer: "upholstery", color: "#c0674a" } },
      ],
    },
    {
      id: "leather-color",
      label: "Leather colour",
      type: "single",
      required: true,
      display: "swatch",
      default: "cognac",
      options: [
        { id: "cognac", label: "Cognac", priceCents: 0, leadDays: 0, productionHours: 0, preview: { layer: "upholstery", color: "#9a5b2e" } },
        { id: "espresso", label: "Espresso", priceCents: 0, leadDays: 0, productionHours: 0, preview: { layer: "upholstery", color: "#4a3024" } },
        { id: "black", label: "Black", priceCents: 0, leadDays: 0, productionHours: 0, preview: { layer: "upholstery", color: "#232323" } },
      ],
    },
    {
      id: "width",
      label: "Width",
      description: "Overall width, arm to arm.",
      type: "number",
      required: true,
      unit: "cm",
      min: 160,
      max: 260,
      step: 10,
      default: 200,
      priceCentsPerUnit: 450,
      productionHoursPerUnit: 0.02,
      operation: "frame",
      components: [{ sku: "FRAME-BEECH", name: "Kiln-dried beech frame rail (cm)", quantity: 1, supplyDays: 3 }],
    },
    {
      id: "legs",
      label: "Legs",
      type: "single",
      required: true,
      display: "card",
      default: "oak",
      options: [
        { id: "oak", label: "Tapered oak", priceCents: 0, leadDays: 0, productionHours: 0.5, operation: "assembly", components: [{ sku: "LEG-OAK-TAPER", quantity: 4 }], preview: { layer: "legs", color: "#c49a6c" } },
        { id: "walnut", label: "Tapered walnut", priceCents: 12_000, leadDays: 10, productionHours: 0.5, operation: "assembly", components: [{ sku: "LEG-WALNUT-TAPER", quantity: 4 }], preview: { layer: "legs", color: "#6b4226" } },
        { id: "steel", label: "Black steel", priceCents: 8_000, leadDays: 4, productionHours: 0.5, operation: "assembly", components: [{ sku: "LEG-STEEL-BLACK", quantity: 4 }], preview: { layer: "legs", color: "#2b2b2b" } },
        { id: "brass", label: "Brass sled", priceCents: 19_000, leadDays: 14, productionHours: 1, operation: "assembly", components: [{ sku: "LEG-BRASS-SLED", quantity: 2 }], preview: { layer: "legs", color: "#c9a23f" } },
      ],
    },
    {
      id: "extras",
      label: "Extras",
      type: "multi",
      required: false,
      display: "card",
      default: [],
      maxCount: 3,
      options: [
        { id: "feather-fill", label: "Feather and down seat fill", priceCents: 18_000, leadDays: 0, productionHours: 2, operation: "upholstery", components: [{ sku: "FILL-FEATHER", name: "Feather and down insert", quantity: 3, supplyDays: 8 }] },
        { id: "bolsters", label: "Pair of bolster cushions", priceCents: 9_500, leadDays: 0, productionHours: 1, operation: "upholstery", components: [{ sku: "CUSH-BOLSTER", quantity: 2 }], preview: { layer: "bolsters" } },
        { id: "stain-guard", label: "Stain guard treatment", priceCents: 6_000, leadDays: 0, productionHours: 0.5, operation: "upholstery" },
      ],
    },
  ],
  rules: [
    { id: "fabric-colors", kind: "visibleWhen", target: { group: "fabric-color" }, when: { not: sel("material", "leather") }, message: "Fabric colours apply to wool and linen" },
    { id: "leather-colors", kind: "visibleWhen", target: { group: "leather-color" }, when: sel("material", "leather"), message: "Leather colours apply to leather" },
    { id: "leather-width", kind: "range", group: "width", when: sel("material", "leather"), max: 220, message: "Leather sofas are made up to 220 cm wide (one hide per seat)" },
    { id: "leather-no-stain-guard", kind: "excludes", when: sel("material", "leather"), then: sel("extras", "stain-guard"), message: "Stain guard is for fabric; leather is finished with wax instead" },
    { id: "wide-leather", kind: "price", when: { all: [sel("material", "leather"), { compare: { group: "width", op: ">", value: 200 } }] }, amountCents: 15_000, message: "Leather wider than 200 cm needs an extra hide" },
    { id: "nordic-classic", kind: "price", when: { all: [sel("material", "wool"), sel("legs", "oak")] }, percent: -5, message: "Nordic classic: wool on oak legs, 5% off" },
    { id: "brass-polish", kind: "leadTime", when: sel("legs", "brass"), productionHours: 3, operation: "assembly", message: "Brass sleds are hand-polished" },
  ],
  preview: {
    viewBox: "0 0 640 480",
    layers: [
      { id: "shadow", d: "M 100 384 a 220 16 0 1 0 440 0 a 220 16 0 1 0 -440 0 Z", fill: "#00000022", visible: true },
      { id: "legs", d: "M 146 330 L 164 330 L 159 386 L 152 386 Z M 476 330 L 494 330 L 488 386 L 481 386 Z M 204 330 L 216 330 L 213 372 L 208 372 Z M 424 330 L 436 330 L 432 372 L 427 372 Z", fill: "#c49a6c", visible: true },
      { id: "upholstery", d: "M 150 150 Q 150 128 172 128 L 468 128 Q 490 128 490 150 L 490 262 L 150 262 Z M 108 204 Q 108 180 132 180 L 148 180 Q 172 180 172 204 L 172 332 L 108 332 Z M 468 204 Q 468 180 492 180 L 508 180 Q 532 180 532 204 L 532 332 L 468 332 Z M 168 240 Q 168 226 182 226 L 458 226 Q 472 226 472 240 L 472 332 L 168 332 Z", fill: "#d9c8a9", visible: true },
      { id: "shading", d: "M 318 230 L 322 230 L 322 300 L 318 300 Z M 168 300 L 472 300 L 472 332 L 168 332 Z M 318 134 L 322 134 L 322 222 L 318 222 Z", fill: "#0000001f", visible: true },
      { id: "bolsters", d: "M 174 214 Q 174 196 192 196 L 226 196 Q 244 196 244 214 Q 244 232 226 232 L 192 232 Q 174 232 174 214 Z M 396 214 Q 396 196 414 196 L 448 196 Q 466 196 466 214 Q 466 232 448 232 L 414 232 Q 396 232 396 214 Z", fill: "#efe6d6", visible: false },
    ],
  },
};

const bikeWheelRear = { x: 190, y: 330 };
const bikeWheelFront = { x: 452, y: 330 };
const bb = { x: 300, y: 336 };
const seatTop = { x: 272, y: 196 };
const headTop = { x: 418, y: 200 };
const headBottom = { x: 428, y: 238 };

const bicycle: Definition = {
  basePriceCents: 89_000,
  baseLeadDays: 5,
  routing: [
    { id: "frame", label: "Frame building", workCentre: "frame", hours: 2.5 },
    { id: "paint", label: "Paint", workCentre: "paint", hours: 1, setupHours: 0.5 },
    { id: "assembly", label: "Assembly and test ride", workCentre: "assembly", hours: 2 },
  ],
  premiumPercent: 3,
  groups: [
    {
      id: "frame",
      label: "Frame",
      type: "single",
      required: true,
      display: "card",
      default: "road-alloy",
      options: [
        { id: "road-alloy", label: "Road, aluminium", description: "Light, stiff, endurance geometry.", priceCents: 0, leadDays: 0, productionHours: 0, components: [{ sku: "FRM-ROAD-AL", quantity: 1 }] },
        { id: "road-carbon", label: "Road, carbon", description: "Hand-laid carbon, 890 g.", priceCents: 120_000, leadDays: 14, productionHours: 2, components: [{ sku: "FRM-ROAD-CF", quantity: 1 }] },
        { id: "gravel-steel", label: "Gravel, steel", description: "Columbus steel, room for 45 mm tyres.", priceCents: 35_000, leadDays: 10, productionHours: 3, components: [{ sku: "FRM-GRAVEL-ST", quantity: 1 }] },
        { id: "city-steel", label: "City, step-through steel", description: "Upright, easy on and off.", priceCents: 10_000, leadDays: 7, productionHours: 1, components: [{ sku: "FRM-CITY-ST", quantity: 1 }] },
      ],
    },
    {
      id: "size",
      label: "Frame size",
      type: "single",
      required: true,
      display: "radio",
      default: "m",
      options: [
        { id: "xs", label: "XS (150-160 cm riders)", priceCents: 0, leadDays: 0, productionHours: 0 },
        { id: "s", label: "S (160-170 cm)", priceCents: 0, leadDays: 0, productionHours: 0 },
        { id: "m", label: "M (170-180 cm)", priceCents: 0, leadDays: 0, productionHours: 0 },
        { id: "l", label: "L (180-190 cm)", priceCents: 0, leadDays: 0, productionHours: 0 },
        { id: "xl", label: "XL (190-200 cm)", priceCents: 4_000, leadDays: 3, productionHours: 0.5 },
      ],
    },
    {
      id: "groupset",
      label: "Groupset",
      type: "single",
      required: true,
      display: "card",
      default: "shimano-105",
      options: [
        { id: "shimano-105", label: "Shimano 105, 12-speed", priceCents: 0, leadDays: 3, productionHours: 1.5, operation: "assembly", components: [{ sku: "GS-SH-105", name: "Shimano 105 groupset", quantity: 1, supplyDays: 2 }] },
        { id: "ultegra-di2", label: "Shimano Ultegra Di2, electronic", priceCents: 85_000, leadDays: 10, productionHours: 2, operation: "assembly", components: [{ sku: "GS-SH-ULT-DI2", quantity: 1 }] },
        { id: "sram-rival", label: "SRAM Rival AXS, wireless", priceCents: 72_000, leadDays: 7, productionHours: 1.5, operation: "assembly", components: [{ sku: "GS-SR-RIVAL-AXS", quantity: 1 }] },
        { id: "nexus-8", label: "Shimano Nexus 8 hub gear", priceCents: 18_000, leadDays: 5, productionHours: 2, operation: "assembly", components: [{ sku: "GS-SH-NEXUS8", quantity: 1 }] },
      ],
    },
    {
      id: "wheels",
      label: "Wheels",
      type: "single",
      required: true,
      display: "card",
      default: "alloy-30",
      options: [
        { id: "alloy-30", label: "Alloy, 30 mm rims", priceCents: 0, leadDays: 0, productionHours: 0, components: [{ sku: "WHL-AL30", quantity: 2 }], preview: { layer: "rims", color: "#aab0b6" } },
        { id: "carbon-45", label: "Carbon, 45 mm deep", priceCents: 110_000, leadDays: 12, productionHours: 0.5, operation: "assembly", components: [{ sku: "WHL-CF45", quantity: 2 }], preview: { layer: "rims", color: "#2e2e2e" } },
        { id: "dynamo", label: "Alloy with dynamo hub", priceCents: 24_000, leadDays: 6, productionHours: 1, operation: "assembly", components: [{ sku: "WHL-AL-DYN", quantity: 1 }, { sku: "WHL-AL30-R", quantity: 1 }], preview: { layer: "rims", color: "#c3c8cd" } },
      ],
    },
    {
      id: "paint",
      label: "Paint",
      type: "single",
      required: true,
      display: "swatch",
      default: "signal-red",
      options: [
        { id: "signal-red", label: "Signal red", priceCents: 0, leadDays: 0, productionHours: 1, operation: "paint", preview: { layer: "frame", color: "#d7263d" } },
        { id: "racing-green", label: "Racing green", priceCents: 0, leadDays: 0, productionHours: 1, operation: "paint", preview: { layer: "frame", color: "#1b5e3b" } },
        { id: "glacier-white", label: "Glacier white", priceCents: 0, leadDays: 0, productionHours: 1, operation: "paint", preview: { layer: "frame", color: "#eef1f3" } },
        { id: "midnight-blue", label: "Midnight blue", priceCents: 0, leadDays: 0, productionHours: 1, operation: "paint", preview: { layer: "frame", color: "#1d2a4d" } },
        { id: "sunburst", label: "Sunburst fade (hand-sprayed)", priceCents: 25_000, leadDays: 4, productionHours: 4, operation: "paint", preview: { layer: "frame", color: "#f28c28" } },
      ],
    },
    {
      id: "accessories",
      label: "Accessories",
      type: "multi",
      required: false,
      display: "card",
      default: [],
      maxCount: 4,
      options: [
        { id: "fenders", label: "Fenders", priceCents: 6_500, leadDays: 0, productionHours: 0.5, operation: "assembly", components: [{ sku: "ACC-FENDER-SET", quantity: 1 }], preview: { layer: "fenders" } },
        { id: "rack", label: "Rear rack", priceCents: 8_900, leadDays: 0, productionHours: 0.5, operation: "assembly", components: [{ sku: "ACC-RACK-REAR", quantity: 1 }], preview: { layer: "rack" } },
        { id: "lights", label: "Front and rear lights", priceCents: 12_000, leadDays: 0, productionHours: 0.5, operation: "assembly", components: [{ sku: "ACC-LIGHT-FRONT", name: "Front light", quantity: 1, supplyDays: 6 }, { sku: "ACC-LIGHT-REAR", quantity: 1 }], preview: { layer: "lamp" } },
        { id: "bottle-cages", label: "Two bottle cages", priceCents: 3_000, leadDays: 0, productionHours: 0.25, operation: "assembly", components: [{ sku: "ACC-CAGE", quantity: 2 }] },
      ],
    },
  ],
  rules: [
    { id: "city-no-carbon-wheels", kind: "excludes", when: sel("frame", "city-steel"), then: sel("wheels", "carbon-45"), message: "Carbon wheels are not offered with the city frame" },
    { id: "carbon-no-mounts", kind: "excludes", when: sel("frame", "road-carbon"), then: { any: [sel("accessories", "rack"), sel("accessories", "fenders")] }, message: "The carbon road frame has no mounts for a rack or fenders" },
    { id: "nexus-city-only", kind: "requires", when: sel("groupset", "nexus-8"), then: sel("frame", "city-steel"), message: "The Nexus 8 hub gear fits the city frame only" },
    { id: "di2-not-city", kind: "excludes", when: sel("frame", "city-steel"), then: sel("groupset", "ultegra-di2"), message: "Electronic Di2 shifting is offered on road and gravel frames" },
    { id: "dynamo-city", kind: "visibleWhen", target: { group: "wheels", option: "dynamo" }, when: sel("frame", "city-steel"), message: "The dynamo wheel is offered with the city frame" },
    { id: "all-carbon", kind: "price", when: { all: [sel("frame", "road-carbon"), sel("wheels", "carbon-45")] }, amountCents: -20_000, message: "All-carbon bundle" },
    { id: "gravel-rack-brazing", kind: "leadTime", when: { all: [sel("frame", "gravel-steel"), sel("accessories", "rack")] }, productionHours: 1.5, operation: "frame", message: "Rack mounts are brazed onto the steel frame" },
  ],
  preview: {
    viewBox: "0 0 640 480",
    layers: [
      { id: "shadow", d: "M 90 424 a 230 10 0 1 0 460 0 a 230 10 0 1 0 -460 0 Z", fill: "#00000022", visible: true },
      { id: "tyres", d: `${ring(bikeWheelRear.x, bikeWheelRear.y, 92, 80)} ${ring(bikeWheelFront.x, bikeWheelFront.y, 92, 80)}`, fill: "#1f1f1f", visible: true },
      { id: "rims", d: `${ring(bikeWheelRear.x, bikeWheelRear.y, 80, 70)} ${ring(bikeWheelFront.x, bikeWheelFront.y, 80, 70)}`, fill: "#aab0b6", visible: true },
      {
        id: "spokes",
        d: [bikeWheelRear, bikeWheelFront]
          .flatMap(({ x, y }) => [0, 30, 60, 90, 120, 150].map((deg) => {
            const dx = 70 * Math.cos((deg * Math.PI) / 180);
            const dy = 70 * Math.sin((deg * Math.PI) / 180);
            return tube(x - dx, y - dy, x + dx, y + dy, 1.6);
          }))
          .concat([circle(bikeWheelRear.x, bikeWheelRear.y, 8), circle(bikeWheelFront.x, bikeWheelFront.y, 8)])
          .join(" "),
        fill: "#8a9096",
        visible: true,
      },
      { id: "fenders", d: `${arcBand(bikeWheelRear.x, bikeWheelRear.y, 104, 98, 180, 330)} ${arcBand(bikeWheelFront.x, bikeWheelFront.y, 104, 98, 200, 350)}`, fill: "#3b3b3b", visible: false },
      { id: "rack", d: `${tube(140, 226, 262, 226, 6)} ${tube(150, 226, bikeWheelRear.x, bikeWheelRear.y, 4)} ${tube(252, 226, 262, 214, 4)}`, fill: "#4a4a4a", visible: false },
      {
        id: "frame",
        d: [
          tube(bb.x, bb.y, seatTop.x, seatTop.y, 12),
          tube(seatTop.x, seatTop.y + 8, headTop.x, headTop.y, 10),
          tube(bb.x, bb.y, headBottom.x, headBottom.y, 14),
          tube(bikeWheelRear.x, bikeWheelRear.y, bb.x, bb.y, 8),
          tube(bikeWheelRear.x, bikeWheelRear.y, seatTop.x + 2, seatTop.y + 14, 7),
          tube(headTop.x, headTop.y, headBottom.x, headBottom.y, 14),
          tube(headBottom.x, headBottom.y, bikeWheelFront.x, bikeWheelFront.y, 8),
        ].join(" "),
        fill: "#d7263d",
        visible: true,
      },
      {
        id: "cockpit",
        d: [
          tube(seatTop.x, seatTop.y, seatTop.x - 6, seatTop.y - 22, 7),
          "M 236 166 Q 262 160 292 166 Q 296 174 286 176 L 244 176 Q 234 174 236 166 Z",
          tube(headTop.x, headTop.y, headTop.x + 4, headTop.y - 18, 8),
          tube(headTop.x + 4, headTop.y - 18, headTop.x + 40, headTop.y - 20, 7),
          "M 456 178 Q 476 182 470 204 Q 466 212 460 206 Q 464 192 452 186 Z",
          circle(bb.x, bb.y, 24),
          tube(bb.x, bb.y, bikeWheelRear.x, bikeWheelRear.y, 3),
        ].join(" "),
        fill: "#2b2b2b",
        visible: true,
      },
      { id: "lamp", d: `${circle(headTop.x + 16, headTop.y + 10, 7)} ${circle(seatTop.x - 10, seatTop.y + 30, 5)}`, fill: "#ffd447", visible: false },
    ],
  },
};

const car: Definition = {
  basePriceCents: 4_890_000,
  baseLeadDays: 14,
  routing: [
    { id: "body", label: "Body and chassis", workCentre: "frame", hours: 22, setupHours: 2 },
    { id: "paint", label: "Paint", workCentre: "paint", hours: 12 },
    { id: "interior", label: "Interior trim", workCentre: "upholstery", hours: 8 },
    { id: "assembly", label: "Final assembly", workCentre: "assembly", hours: 16 },
  ],
  premiumPercent: 2,
  groups: [
    {
      id: "powertrain",
      label: "Powertrain",
      type: "single",
      required: true,
      display: "card",
      default: "standard",
      options: [
        { id: "standard", label: "Electric, 64 kWh, 320 km", priceCents: 0, leadDays: 0, productionHours: 0, operation: "assembly", components: [{ sku: "PT-64", quantity: 1 }] },
        { id: "long-range", label: "Electric long range, 82 kWh, 450 km", priceCents: 650_000, leadDays: 10, productionHours: 2, operation: "assembly", components: [{ sku: "PT-82", quantity: 1 }] },
        { id: "performance", label: "Performance, dual motor, 82 kWh", priceCents: 1_190_000, leadDays: 21, productionHours: 4, operation: "assembly", components: [{ sku: "PT-82-DM", quantity: 1 }] },
      ],
    },
    {
      id: "paint",
      label: "Paint",
      type: "single",
      required: true,
      display: "swatch",
      default: "alpine-white",
      options: [
        { id: "alpine-white", label: "Alpine white", priceCents: 0, leadDays: 0, productionHours: 0, operation: "paint", preview: { layer: "body", color: "#f2f2ef" } },
        { id: "graphite", label: "Graphite metallic", priceCents: 95_000, leadDays: 0, productionHours: 1, operation: "paint", preview: { layer: "body", color: "#4b5058" } },
        { id: "lagoon", label: "Lagoon blue metallic", priceCents: 95_000, leadDays: 0, productionHours: 1, operation: "paint", preview: { layer: "body", color: "#1f6f8b" } },
        { id: "rosso", label: "Rosso, three-coat", priceCents: 140_000, leadDays: 5, productionHours: 3, operation: "paint", preview: { layer: "body", color: "#b3202a" } },
        { id: "matte-sand", label: "Matte sand", priceCents: 290_000, leadDays: 14, productionHours: 8, operation: "paint", preview: { layer: "body", color: "#c8b591" } },
      ],
    },
    {
      id: "wheels",
      label: "Wheels",
      type: "single",
      required: true,
      display: "card",
      default: "aero-18",
      options: [
        { id: "aero-18", label: "18-inch aero", priceCents: 0, leadDays: 0, productionHours: 0, operation: "assembly", components: [{ sku: "WHL-AERO-18", quantity: 4 }], preview: { layer: "rims", color: "#c5cad0" } },
        { id: "sport-19", label: "19-inch sport", priceCents: 180_000, leadDays: 0, productionHours: 0.5, operation: "assembly", components: [{ sku: "WHL-SPORT-19", quantity: 4 }], preview: { layer: "rims", color: "#6b7078" } },
        { id: "forged-20", label: "20-inch forged, bronze", priceCents: 390_000, leadDays: 14, productionHours: 0.5, operation: "assembly", components: [{ sku: "WHL-FORGED-20", quantity: 4 }], preview: { layer: "rims", color: "#a07a3a" } },
      ],
    },
    {
      id: "packages",
      label: "Packages",
      type: "multi",
      required: false,
      display: "card",
      default: [],
      options: [
        { id: "comfort", label: "Comfort package", description: "Heated seats, heated wheel, two-zone climate.", priceCents: 290_000, leadDays: 0, productionHours: 2, operation: "interior", components: [{ sku: "PKG-COMFORT", quantity: 1 }] },
        { id: "sport-seats", label: "Sport seats", description: "Bolstered seats with memory.", priceCents: 240_000, leadDays: 10, productionHours: 3, operation: "interior", components: [{ sku: "SEAT-SPORT", quantity: 2 }] },
        { id: "winter", label: "Winter package", description: "Heat pump, winter tyres on steel rims.", priceCents: 120_000, leadDays: 0, productionHours: 1, operation: "assembly", components: [{ sku: "PKG-WINTER", name: "Heat pump and winter wheel set", quantity: 1, supplyDays: 9 }] },
        { id: "panoramic-roof", label: "Panoramic glass roof", priceCents: 210_000, leadDays: 7, productionHours: 5, operation: "assembly", components: [{ sku: "ROOF-GLASS", quantity: 1 }], preview: { layer: "roof-glass" } },
        { id: "tow-bar", label: "Tow bar", priceCents: 90_000, leadDays: 0, productionHours: 2, operation: "body", components: [{ sku: "TOW-BAR", name: "Detachable tow bar", quantity: 1, supplyDays: 12 }], preview: { layer: "tow-bar" } },
        { id: "track", label: "Track package", description: "Carbon roof, rear wing, track brakes.", priceCents: 350_000, leadDays: 0, productionHours: 4, operation: "assembly", components: [{ sku: "PKG-TRACK", quantity: 1 }], preview: { layer: "wing" } },
      ],
    },
    {
      id: "interior",
      label: "Interior",
      type: "single",
      required: true,
      display: "swatch",
      default: "charcoal",
      options: [
        { id: "charcoal", label: "Charcoal recycled textile", priceCents: 0, leadDays: 0, productionHours: 0, operation: "interior", preview: { layer: "seat", color: "#3a3a3a" } },
        { id: "oyster", label: "Oyster leather", priceCents: 260_000, leadDays: 14, productionHours: 2, operation: "interior", preview: { layer: "seat", color: "#e6d9c3" } },
        { id: "cognac", label: "Cognac leather", priceCents: 260_000, leadDays: 21, productionHours: 2, operation: "interior", preview: { layer: "seat", color: "#9a5b2e" } },
      ],
    },
    {
      id: "monogram",
      label: "Sill plate engraving",
      description: "Up to 12 characters, engraved on both sill plates.",
      type: "text",
      required: false,
      maxLength: 12,
      pattern: "[A-Z0-9 .&-]*",
      patternMessage: "Use capital letters, digits, spaces and . & -",
      priceCents: 35_000,
      leadDays: 3,
      productionHours: 1.5,
      operation: "assembly",
    },
  ],
  rules: [
    { id: "sport-seats-need-comfort", kind: "requires", when: sel("packages", "sport-seats"), then: sel("packages", "comfort"), message: "Sport seats require the Comfort package" },
    { id: "track-no-tow-bar", kind: "excludes", when: sel("packages", "track"), then: sel("packages", "tow-bar"), message: "The Track package and the tow bar cannot be combined" },
    { id: "track-no-glass-roof", kind: "excludes", when: sel("packages", "track"), then: sel("packages", "panoramic-roof"), message: "The Track package comes with a carbon roof instead of the glass roof" },
    { id: "track-needs-performance", kind: "requires", when: sel("packages", "track"), then: sel("powertrain", "performance"), message: "The Track package needs the performance powertrain" },
    { id: "forged-no-winter", kind: "excludes", when: sel("wheels", "forged-20"), then: sel("packages", "winter"), message: "Forged 20-inch wheels are not approved for winter tyres" },
    { id: "cognac-with-comfort", kind: "visibleWhen", target: { group: "interior", option: "cognac" }, when: sel("packages", "comfort"), message: "Cognac leather comes with the Comfort package" },
    { id: "comfort-winter-bundle", kind: "price", when: { all: [sel("packages", "comfort"), sel("packages", "winter")] }, amountCents: -45_000, message: "Comfort and Winter bundle" },
    { id: "motorsport-shop", kind: "leadTime", when: { all: [sel("powertrain", "performance"), sel("packages", "track")] }, leadDays: 28, productionHours: 6, operation: "assembly", message: "Track cars are prepared in the motorsport shop" },
  ],
  preview: {
    viewBox: "0 0 640 480",
    layers: [
      { id: "shadow", d: "M 60 372 a 260 14 0 1 0 520 0 a 260 14 0 1 0 -520 0 Z", fill: "#00000026", visible: true },
      { id: "body", d: "M 66 330 L 66 292 Q 70 264 108 254 L 206 240 Q 244 200 304 190 L 398 190 Q 452 196 494 236 L 562 248 Q 592 256 594 290 L 594 330 Q 590 342 578 342 L 80 342 Q 68 342 66 330 Z", fill: "#f2f2ef", visible: true },
      { id: "roof-glass", d: "M 292 194 L 402 194 Q 420 197 430 203 L 286 203 Q 288 197 292 194 Z", fill: "#1c2733", visible: false },
      { id: "windows", d: "M 224 240 Q 254 210 302 204 L 340 204 L 340 240 Z M 350 204 L 398 204 Q 432 208 462 240 L 350 240 Z", fill: "#2c3e50", visible: true },
      { id: "seat", d: "M 318 240 L 318 218 Q 318 208 328 208 L 334 208 Q 342 208 342 218 L 342 240 Z", fill: "#3a3a3a", visible: true },
      { id: "trim", d: "M 200 276 L 470 276 L 470 279 L 200 279 Z M 344 242 L 347 242 L 347 322 L 344 322 Z", fill: "#00000030", visible: true },
      { id: "headlight", d: "M 560 262 L 590 268 L 588 278 L 562 274 Z", fill: "#fff3b0", visible: true },
      { id: "taillight", d: "M 68 270 L 92 266 L 92 278 L 68 282 Z", fill: "#d1343d", visible: true },
      { id: "wing", d: "M 66 246 L 124 238 L 126 246 L 70 254 Z M 96 250 L 102 250 L 104 262 L 98 262 Z", fill: "#1f1f1f", visible: false },
      { id: "tow-bar", d: "M 40 316 L 66 316 L 66 324 L 40 324 Z M 30 314 a 7 7 0 1 0 14 0 a 7 7 0 1 0 -14 0 Z", fill: "#2b2b2b", visible: false },
      { id: "tyres", d: `${circle(170, 334, 50)} ${circle(488, 334, 50)}`, fill: "#1b1b1b", visible: true },
      { id: "rims", d: `${circle(170, 334, 33)} ${circle(488, 334, 33)}`, fill: "#c5cad0", visible: true },
      { id: "hubs", d: `${circle(170, 334, 8)} ${circle(488, 334, 8)}`, fill: "#2b2b2b", visible: true },
    ],
  },
};

export const demoProducts: DemoProduct[] = [
  {
    slug: "linden-sofa",
    name: "Linden sofa",
    summary: "A three-seat sofa built to your width, in wool, linen or leather.",
    description:
      "Linden is built by hand in our workshop on a kiln-dried beech frame. Choose the upholstery and colour, set the width to the centimetre, and pick the legs. Leather sofas use full hides, so they are made up to 220 cm wide and take three weeks longer while the leather is sourced.",
    image: "/products/linden-sofa.svg",
    definition: sofa,
  },
  {
    slug: "tempo-bicycle",
    name: "Tempo bicycle",
    summary: "A custom road, gravel or city bicycle, assembled and painted to order.",
    description:
      "Tempo frames are welded or laid up to order and painted in your colour. Pick the frame, size, groupset and wheels; the configurator only offers combinations that fit together, and tells you why when something does not.",
    image: "/products/tempo-bicycle.svg",
    definition: bicycle,
  },
  {
    slug: "vela-roadster",
    name: "Vela GT roadster",
    summary: "An electric grand tourer, specified and built for you.",
    description:
      "The Vela GT is built on a dedicated line once your order is confirmed. Choose the powertrain, paint, wheels, interior and packages, and add an engraving on the sill plates. Some packages depend on each other: sport seats need the Comfort package, and the Track package needs the performance powertrain.",
    image: "/products/vela-roadster.svg",
    definition: car,
  },
];
