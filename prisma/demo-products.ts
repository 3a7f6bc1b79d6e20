import type { Definition } from "../lib/configurator/definition/schema";

// Demo catalog used by the seed and the tests: four made-to-order products that exercise every
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

// The sofa's materials: the cloth is bought in the chosen colour, so each colour consumes its own wool or linen.
const interliner = { sku: "LIN-FR-INTERLINER", name: "Fire-retardant interliner", quantity: 9, unit: "m" };
const fabric = (code: string, colour: string) => [
  { sku: `FAB-WOOL-${code}`, name: `Wool boucle fabric, ${colour}`, quantity: 9, unit: "m", when: sel("material", "wool") },
  { sku: `FAB-LINEN-${code}`, name: `Washed linen fabric, ${colour}`, quantity: 9, unit: "m", when: sel("material", "linen") },
];
const hide = (code: string, colour: string) => ({ sku: `LEA-ANILINE-${code}`, name: `Aniline leather hide, ${colour}`, quantity: 3, unit: "hide", supplyDays: 10 });

// Sofa legs, seen from the front: four tapered legs (the outer pair nearer), four slim steel blocks, or a brass
// sled under each arm (a U of flat bar standing on the floor).
const taperedLegs = "M 146 330 L 164 330 L 159 386 L 152 386 Z M 476 330 L 494 330 L 488 386 L 481 386 Z M 204 330 L 216 330 L 213 372 L 208 372 Z M 424 330 L 436 330 L 432 372 L 427 372 Z";
const steelLegs = "M 148 330 L 162 330 L 162 386 L 148 386 Z M 478 330 L 492 330 L 492 386 L 478 386 Z M 205 330 L 215 330 L 215 372 L 205 372 Z M 425 330 L 435 330 L 435 372 L 425 372 Z";
const sledLegs = "M 114 330 L 120 330 L 120 380 L 160 380 L 160 330 L 166 330 L 166 386 L 114 386 Z M 474 330 L 480 330 L 480 380 L 520 380 L 520 330 L 526 330 L 526 386 L 474 386 Z";

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
        { id: "wool", label: "Wool boucle", description: "Soft, hard-wearing Norwegian wool.", priceCents: 0, leadDays: 5, productionHours: 0, components: [interliner] },
        { id: "linen", label: "Washed linen", description: "Relaxed Belgian linen, pre-washed.", priceCents: 9_000, leadDays: 7, productionHours: 0, components: [interliner] },
        { id: "leather", label: "Aniline leather", description: "Full-grain leather that ages beautifully.", priceCents: 69_000, leadDays: 21, productionHours: 6, operation: "upholstery", components: [{ sku: "WAX-LEATHER", name: "Leather finishing wax", quantity: 1, unit: "tin" }] },
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
        { id: "sand", label: "Sand", priceCents: 0, leadDays: 0, productionHours: 0, components: fabric("SAND", "sand"), preview: { layer: "upholstery", color: "#d9c8a9" } },
        { id: "sage", label: "Sage", priceCents: 0, leadDays: 0, productionHours: 0, components: fabric("SAGE", "sage"), preview: { layer: "upholstery", color: "#9caf88" } },
        { id: "ink", label: "Ink blue", priceCents: 0, leadDays: 0, productionHours: 0, components: fabric("INK", "ink blue"), preview: { layer: "upholstery", color: "#34466b" } },
        { id: "terracotta", label: "Terracotta", priceCents: 4_500, leadDays: 6, productionHours: 0, components: fabric("TERRACOTTA", "terracotta"), preview: { layer: "upholstery", color: "#c0674a" } },
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
        { id: "cognac", label: "Cognac", priceCents: 0, leadDays: 0, productionHours: 0, components: [hide("COGNAC", "cognac")], preview: { layer: "upholstery", color: "#9a5b2e" } },
        { id: "espresso", label: "Espresso", priceCents: 0, leadDays: 0, productionHours: 0, components: [hide("ESPRESSO", "espresso")], preview: { layer: "upholstery", color: "#4a3024" } },
        { id: "black", label: "Black", priceCents: 0, leadDays: 0, productionHours: 0, components: [hide("BLACK", "black")], preview: { layer: "upholstery", color: "#232323" } },
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
      components: [{ sku: "FRAME-BEECH", name: "Kiln-dried beech frame rail", quantity: 1, unit: "cm", supplyDays: 3 }],
    },
    {
      id: "legs",
      label: "Legs",
      type: "single",
      required: true,
      display: "card",
      default: "oak",
      options: [
        { id: "oak", label: "Tapered oak", priceCents: 0, leadDays: 0, productionHours: 0.5, operation: "assembly", components: [{ sku: "LEG-OAK-TAPER", name: "Tapered oak leg", quantity: 4, unit: "pcs" }], preview: { layer: "legs", color: "#c49a6c" } },
        { id: "walnut", label: "Tapered walnut", priceCents: 12_000, leadDays: 10, productionHours: 0.5, operation: "assembly", components: [{ sku: "LEG-WALNUT-TAPER", name: "Tapered walnut leg", quantity: 4, unit: "pcs" }], preview: { layer: "legs", color: "#6b4226" } },
        { id: "steel", label: "Black steel", priceCents: 8_000, leadDays: 4, productionHours: 0.5, operation: "assembly", components: [{ sku: "LEG-STEEL-BLACK", name: "Black steel block leg", quantity: 4, unit: "pcs" }], preview: { layer: "legs", color: "#2b2b2b", shapes: [{ layer: "legs", d: steelLegs }] } },
        { id: "brass", label: "Brass sled", priceCents: 19_000, leadDays: 14, productionHours: 1, operation: "assembly", components: [{ sku: "LEG-BRASS-SLED", name: "Brass sled base", quantity: 2, unit: "pcs" }], preview: { layer: "legs", color: "#c9a23f", shapes: [{ layer: "legs", d: sledLegs }] } },
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
        { id: "feather-fill", label: "Feather and down seat fill", priceCents: 18_000, leadDays: 0, productionHours: 2, operation: "upholstery", components: [{ sku: "FILL-FEATHER", name: "Feather and down insert", quantity: 3, unit: "pcs", supplyDays: 8 }] },
        { id: "bolsters", label: "Pair of bolster cushions", priceCents: 9_500, leadDays: 0, productionHours: 1, operation: "upholstery", components: [{ sku: "CUSH-BOLSTER", name: "Bolster cushion, covered to match", quantity: 2, unit: "pcs" }], preview: { layer: "bolsters" } },
        { id: "stain-guard", label: "Stain guard treatment", priceCents: 6_000, leadDays: 0, productionHours: 0.5, operation: "upholstery", components: [{ sku: "CHEM-STAIN-GUARD", name: "Stain guard spray, fluorine-free", quantity: 0.5, unit: "l" }] },
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
      { id: "legs", d: taperedLegs, fill: "#c49a6c", visible: true },
      { id: "upholstery", d: "M 150 150 Q 150 128 172 128 L 468 128 Q 490 128 490 150 L 490 262 L 150 262 Z M 108 204 Q 108 180 132 180 L 148 180 Q 172 180 172 204 L 172 332 L 108 332 Z M 468 204 Q 468 180 492 180 L 508 180 Q 532 180 532 204 L 532 332 L 468 332 Z M 168 240 Q 168 226 182 226 L 458 226 Q 472 226 472 240 L 472 332 L 168 332 Z", fill: "#d9c8a9", visible: true },
      { id: "shading", d: "M 318 230 L 322 230 L 322 300 L 318 300 Z M 168 300 L 472 300 L 472 332 L 168 332 Z M 318 134 L 322 134 L 322 222 L 318 222 Z", fill: "#0000001f", visible: true },
      { id: "bolsters", d: "M 174 214 Q 174 196 192 196 L 226 196 Q 244 196 244 214 Q 244 232 226 232 L 192 232 Q 174 232 174 214 Z M 396 214 Q 396 196 414 196 L 448 196 Q 466 196 466 214 Q 466 232 448 232 L 414 232 Q 396 232 396 214 Z", fill: "#efe6d6", visible: false },
    ],
    // Drawn at 200 cm, 2.12 units per cm from arm to arm: the seat and back stretch, arms and legs move out.
    stretch: [{ group: "width", axis: "x", from: 250, to: 390, reference: 200, perUnit: 2.12 }],
  },
};

const bikeWheelRear = { x: 190, y: 330 };
const bikeWheelFront = { x: 452, y: 330 };
const bb = { x: 300, y: 336 };
const seatTop = { x: 272, y: 196 };
const headTop = { x: 418, y: 200 };
const headBottom = { x: 428, y: 238 };
/** A point part way (t from 0 to 1) from a to b. */
const along = (a: { x: number; y: number }, b: { x: number; y: number }, t: number) => ({ x: a.x + (b.x - a.x) * t, y: a.y + (b.y - a.y) * t });

// The frames, side on. Road: a diamond with a level top tube. Gravel: a diamond whose top tube slopes down
// to a lower seat cluster, and fatter tyres. City: a step-through, no top tube, a low bent down tube with a
// twin tube under it, and an upright swept-back bar.
const rearEnd = [
  tube(bikeWheelRear.x, bikeWheelRear.y, bb.x, bb.y, 8),
  tube(headTop.x, headTop.y, headBottom.x, headBottom.y, 14),
  tube(headBottom.x, headBottom.y, bikeWheelFront.x, bikeWheelFront.y, 8),
];
const roadFrame = [
  tube(bb.x, bb.y, seatTop.x, seatTop.y, 12),
  tube(seatTop.x, seatTop.y + 8, headTop.x, headTop.y, 10),
  tube(bb.x, bb.y, headBottom.x, headBottom.y, 14),
  tube(bikeWheelRear.x, bikeWheelRear.y, bb.x, bb.y, 8),
  tube(bikeWheelRear.x, bikeWheelRear.y, seatTop.x + 2, seatTop.y + 14, 7),
  tube(headTop.x, headTop.y, headBottom.x, headBottom.y, 14),
  tube(headBottom.x, headBottom.y, bikeWheelFront.x, bikeWheelFront.y, 8),
].join(" ");
const gravelCluster = along(bb, seatTop, 0.74);
const gravelFrame = [
  tube(bb.x, bb.y, seatTop.x, seatTop.y, 10),
  tube(gravelCluster.x, gravelCluster.y, headTop.x, headTop.y + 4, 9),
  tube(bb.x, bb.y, headBottom.x, headBottom.y, 11),
  tube(bikeWheelRear.x, bikeWheelRear.y, gravelCluster.x + 2, gravelCluster.y + 6, 6),
  ...rearEnd,
].join(" ");
const cityBend = { x: 338, y: 318 };
const cityTwin = along(bb, seatTop, 0.38);
const cityFrame = [
  tube(bb.x, bb.y, seatTop.x, seatTop.y, 12),
  tube(headBottom.x, headBottom.y, cityBend.x, cityBend.y, 14),
  tube(cityBend.x, cityBend.y, bb.x, bb.y, 14),
  tube(headTop.x + 2, headTop.y + 14, cityTwin.x, cityTwin.y, 9),
  tube(bikeWheelRear.x, bikeWheelRear.y, cityTwin.x + 2, cityTwin.y + 4, 7),
  ...rearEnd,
].join(" ");
const drivetrain = [circle(bb.x, bb.y, 24), tube(bb.x, bb.y, bikeWheelRear.x, bikeWheelRear.y, 3)];
const roadCockpit = [
  tube(seatTop.x, seatTop.y, seatTop.x - 6, seatTop.y - 22, 7),
  "M 236 166 Q 262 160 292 166 Q 296 174 286 176 L 244 176 Q 234 174 236 166 Z",
  tube(headTop.x, headTop.y, headTop.x + 4, headTop.y - 18, 8),
  tube(headTop.x + 4, headTop.y - 18, headTop.x + 40, headTop.y - 20, 7),
  "M 456 178 Q 476 182 470 204 Q 466 212 460 206 Q 464 192 452 186 Z",
  ...drivetrain,
].join(" ");
const cityCockpit = [
  tube(seatTop.x, seatTop.y, seatTop.x - 4, seatTop.y - 30, 8),
  "M 232 160 Q 262 150 296 158 Q 302 170 288 174 L 244 174 Q 228 172 232 160 Z",
  tube(headTop.x, headTop.y, headTop.x - 2, headTop.y - 44, 9),
  tube(headTop.x - 2, headTop.y - 44, headTop.x - 34, headTop.y - 50, 7),
  tube(headTop.x - 34, headTop.y - 50, headTop.x - 46, headTop.y - 44, 9),
  ...drivetrain,
].join(" ");
const roadTyres = `${ring(bikeWheelRear.x, bikeWheelRear.y, 92, 80)} ${ring(bikeWheelFront.x, bikeWheelFront.y, 92, 80)}`;
const gravelTyres = `${ring(bikeWheelRear.x, bikeWheelRear.y, 97, 79)} ${ring(bikeWheelFront.x, bikeWheelFront.y, 97, 79)}`;

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
        { id: "road-alloy", label: "Road, aluminium", description: "Light, stiff, endurance geometry.", priceCents: 0, leadDays: 0, productionHours: 0, components: [{ sku: "FRM-ROAD-AL", name: "Road tubeset, 6061 aluminium", quantity: 1, unit: "set" }, { sku: "FORK-ROAD-CF", name: "Carbon road fork", quantity: 1, unit: "pcs" }] },
        { id: "road-carbon", label: "Road, carbon", description: "Hand-laid carbon, 890 g.", priceCents: 120_000, leadDays: 14, productionHours: 2, components: [{ sku: "FRM-ROAD-CF", name: "Carbon road frame kit (prepreg and lugs)", quantity: 1, unit: "set" }, { sku: "FORK-ROAD-CF", name: "Carbon road fork", quantity: 1, unit: "pcs" }] },
        { id: "gravel-steel", label: "Gravel, steel", description: "Columbus steel, room for 45 mm tyres.", priceCents: 35_000, leadDays: 10, productionHours: 3, components: [{ sku: "FRM-GRAVEL-ST", name: "Columbus steel gravel tubeset", quantity: 1, unit: "set" }, { sku: "FORK-GRAVEL-ST", name: "Steel gravel fork", quantity: 1, unit: "pcs" }, { sku: "TYRE-GRAVEL-45", name: "Gravel tyre 700x45", quantity: 2, unit: "pcs" }], preview: { shapes: [{ layer: "frame", d: gravelFrame }, { layer: "tyres", d: gravelTyres }] } },
        { id: "city-steel", label: "City, step-through steel", description: "Upright, easy on and off.", priceCents: 10_000, leadDays: 7, productionHours: 1, components: [{ sku: "FRM-CITY-ST", name: "Step-through steel city tubeset", quantity: 1, unit: "set" }, { sku: "FORK-CITY-ST", name: "Steel city fork", quantity: 1, unit: "pcs" }, { sku: "BAR-CITY-SWEPT", name: "Swept-back city handlebar", quantity: 1, unit: "pcs" }], preview: { shapes: [{ layer: "frame", d: cityFrame }, { layer: "cockpit", d: cityCockpit }] } },
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
        { id: "shimano-105", label: "Shimano 105, 12-speed", priceCents: 0, leadDays: 3, productionHours: 1.5, operation: "assembly", components: [{ sku: "GS-SH-105", name: "Shimano 105 groupset", quantity: 1, unit: "set", supplyDays: 2 }] },
        { id: "ultegra-di2", label: "Shimano Ultegra Di2, electronic", priceCents: 85_000, leadDays: 10, productionHours: 2, operation: "assembly", components: [{ sku: "GS-SH-ULT-DI2", name: "Shimano Ultegra Di2 groupset", quantity: 1, unit: "set" }, { sku: "BAT-DI2", name: "Di2 internal battery", quantity: 1, unit: "pcs" }] },
        { id: "sram-rival", label: "SRAM Rival AXS, wireless", priceCents: 72_000, leadDays: 7, productionHours: 1.5, operation: "assembly", components: [{ sku: "GS-SR-RIVAL-AXS", name: "SRAM Rival AXS groupset", quantity: 1, unit: "set" }] },
        { id: "nexus-8", label: "Shimano Nexus 8 hub gear", priceCents: 18_000, leadDays: 5, productionHours: 2, operation: "assembly", components: [{ sku: "GS-SH-NEXUS8", name: "Shimano Nexus 8 hub gear kit", quantity: 1, unit: "set" }] },
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
        { id: "alloy-30", label: "Alloy, 30 mm rims", priceCents: 0, leadDays: 0, productionHours: 0, components: [{ sku: "WHL-AL30", name: "Alloy wheel, 30 mm rim", quantity: 2, unit: "pcs" }], preview: { layer: "rims", color: "#aab0b6" } },
        { id: "carbon-45", label: "Carbon, 45 mm deep", priceCents: 110_000, leadDays: 12, productionHours: 0.5, operation: "assembly", components: [{ sku: "WHL-CF45", name: "Carbon wheel, 45 mm rim", quantity: 2, unit: "pcs" }], preview: { layer: "rims", color: "#2e2e2e" } },
        { id: "dynamo", label: "Alloy with dynamo hub", priceCents: 24_000, leadDays: 6, productionHours: 1, operation: "assembly", components: [{ sku: "WHL-AL-DYN", name: "Alloy front wheel with dynamo hub", quantity: 1, unit: "pcs" }, { sku: "WHL-AL30-R", name: "Alloy rear wheel, 30 mm rim", quantity: 1, unit: "pcs" }], preview: { layer: "rims", color: "#c3c8cd" } },
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
        { id: "signal-red", label: "Signal red", priceCents: 0, leadDays: 0, productionHours: 1, operation: "paint", components: [{ sku: "PNT-BIKE-SIGNAL-RED", name: "Signal red frame paint", quantity: 0.3, unit: "l" }], preview: { layer: "frame", color: "#d7263d" } },
        { id: "racing-green", label: "Racing green", priceCents: 0, leadDays: 0, productionHours: 1, operation: "paint", components: [{ sku: "PNT-BIKE-RACING-GREEN", name: "Racing green frame paint", quantity: 0.3, unit: "l" }], preview: { layer: "frame", color: "#1b5e3b" } },
        { id: "glacier-white", label: "Glacier white", priceCents: 0, leadDays: 0, productionHours: 1, operation: "paint", components: [{ sku: "PNT-BIKE-GLACIER-WHITE", name: "Glacier white frame paint", quantity: 0.3, unit: "l" }], preview: { layer: "frame", color: "#eef1f3" } },
        { id: "midnight-blue", label: "Midnight blue", priceCents: 0, leadDays: 0, productionHours: 1, operation: "paint", components: [{ sku: "PNT-BIKE-MIDNIGHT-BLUE", name: "Midnight blue frame paint", quantity: 0.3, unit: "l" }], preview: { layer: "frame", color: "#1d2a4d" } },
        { id: "sunburst", label: "Sunburst fade (hand-sprayed)", priceCents: 25_000, leadDays: 4, productionHours: 4, operation: "paint", components: [{ sku: "PNT-BIKE-SUNBURST", name: "Sunburst fade paint set (three colours)", quantity: 1, unit: "set" }], preview: { layer: "frame", color: "#f28c28" } },
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
        { id: "fenders", label: "Fenders", priceCents: 6_500, leadDays: 0, productionHours: 0.5, operation: "assembly", components: [{ sku: "ACC-FENDER-SET", name: "Fender set, front and rear", quantity: 1, unit: "set" }], preview: { layer: "fenders" } },
        { id: "rack", label: "Rear rack", priceCents: 8_900, leadDays: 0, productionHours: 0.5, operation: "assembly", components: [{ sku: "ACC-RACK-REAR", name: "Rear rack, steel", quantity: 1, unit: "pcs" }], preview: { layer: "rack" } },
        { id: "lights", label: "Front and rear lights", priceCents: 12_000, leadDays: 0, productionHours: 0.5, operation: "assembly", components: [{ sku: "ACC-LIGHT-FRONT", name: "Front light", quantity: 1, unit: "pcs", supplyDays: 6 }, { sku: "ACC-LIGHT-REAR", name: "Rear light", quantity: 1, unit: "pcs" }], preview: { layer: "lamp" } },
        { id: "bottle-cages", label: "Two bottle cages", priceCents: 3_000, leadDays: 0, productionHours: 0.25, operation: "assembly", components: [{ sku: "ACC-CAGE", name: "Bottle cage", quantity: 2, unit: "pcs" }] },
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
      { id: "tyres", d: roadTyres, fill: "#1f1f1f", visible: true },
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
      { id: "frame", d: roadFrame, fill: "#d7263d", visible: true },
      { id: "cockpit", d: roadCockpit, fill: "#2b2b2b", visible: true },
      { id: "lamp", d: `${circle(headTop.x + 16, headTop.y + 10, 7)} ${circle(seatTop.x - 10, seatTop.y + 30, 5)}`, fill: "#ffd447", visible: false },
    ],
  },
};

// The roadster, side on: two seats behind a raked windscreen, one door a side, a long bonnet and a short
// deck. Larger wheels are drawn with larger rims inside the same tyre.
const carRims = (r: number) => `${circle(170, 334, r)} ${circle(488, 334, r)}`;

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
        { id: "standard", label: "Electric, 64 kWh, 320 km", priceCents: 0, leadDays: 0, productionHours: 0, operation: "assembly", components: [{ sku: "PT-64", name: "Battery pack 64 kWh", quantity: 1, unit: "pcs" }, { sku: "MOT-REAR-200", name: "Rear drive unit, 200 kW", quantity: 1, unit: "pcs" }] },
        { id: "long-range", label: "Electric long range, 82 kWh, 450 km", priceCents: 650_000, leadDays: 10, productionHours: 2, operation: "assembly", components: [{ sku: "PT-82", name: "Battery pack 82 kWh", quantity: 1, unit: "pcs" }, { sku: "MOT-REAR-200", name: "Rear drive unit, 200 kW", quantity: 1, unit: "pcs" }] },
        { id: "performance", label: "Performance, dual motor, 82 kWh", priceCents: 1_190_000, leadDays: 21, productionHours: 4, operation: "assembly", components: [{ sku: "PT-82", name: "Battery pack 82 kWh", quantity: 1, unit: "pcs" }, { sku: "MOT-DUAL-390", name: "Dual drive units, 390 kW", quantity: 1, unit: "set" }] },
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
        { id: "alpine-white", label: "Alpine white", priceCents: 0, leadDays: 0, productionHours: 0, operation: "paint", components: [{ sku: "PNT-CAR-ALPINE-WHITE", name: "Alpine white paint", quantity: 12, unit: "l" }], preview: { layer: "body", color: "#f2f2ef" } },
        { id: "graphite", label: "Graphite metallic", priceCents: 95_000, leadDays: 0, productionHours: 1, operation: "paint", components: [{ sku: "PNT-CAR-GRAPHITE", name: "Graphite metallic paint", quantity: 12, unit: "l" }], preview: { layer: "body", color: "#4b5058" } },
        { id: "lagoon", label: "Lagoon blue metallic", priceCents: 95_000, leadDays: 0, productionHours: 1, operation: "paint", components: [{ sku: "PNT-CAR-LAGOON", name: "Lagoon blue metallic paint", quantity: 12, unit: "l" }], preview: { layer: "body", color: "#1f6f8b" } },
        { id: "rosso", label: "Rosso, three-coat", priceCents: 140_000, leadDays: 5, productionHours: 3, operation: "paint", components: [{ sku: "PNT-CAR-ROSSO", name: "Rosso three-coat paint", quantity: 16, unit: "l" }], preview: { layer: "body", color: "#b3202a" } },
        { id: "matte-sand", label: "Matte sand", priceCents: 290_000, leadDays: 14, productionHours: 8, operation: "paint", components: [{ sku: "PNT-CAR-MATTE-SAND", name: "Matte sand paint and matte clear coat", quantity: 14, unit: "l" }], preview: { layer: "body", color: "#c8b591" } },
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
        { id: "aero-18", label: "18-inch aero", priceCents: 0, leadDays: 0, productionHours: 0, operation: "assembly", components: [{ sku: "WHL-AERO-18", name: "18-inch aero wheel with tyre", quantity: 4, unit: "pcs" }], preview: { layer: "rims", color: "#c5cad0" } },
        { id: "sport-19", label: "19-inch sport", priceCents: 180_000, leadDays: 0, productionHours: 0.5, operation: "assembly", components: [{ sku: "WHL-SPORT-19", name: "19-inch sport wheel with tyre", quantity: 4, unit: "pcs" }], preview: { layer: "rims", color: "#6b7078", shapes: [{ layer: "rims", d: carRims(37) }] } },
        { id: "forged-20", label: "20-inch forged, bronze", priceCents: 390_000, leadDays: 14, productionHours: 0.5, operation: "assembly", components: [{ sku: "WHL-FORGED-20", name: "20-inch forged bronze wheel with tyre", quantity: 4, unit: "pcs" }], preview: { layer: "rims", color: "#a07a3a", shapes: [{ layer: "rims", d: carRims(41) }] } },
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
        { id: "comfort", label: "Comfort package", description: "Heated seats, heated wheel, two-zone climate.", priceCents: 290_000, leadDays: 0, productionHours: 2, operation: "interior", components: [{ sku: "PKG-COMFORT", name: "Comfort kit: seat heaters, heated wheel, two-zone climate", quantity: 1, unit: "set" }] },
        { id: "sport-seats", label: "Sport seats", description: "Bolstered seats with memory.", priceCents: 240_000, leadDays: 10, productionHours: 3, operation: "interior", components: [{ sku: "SEAT-SPORT", name: "Sport seat with memory", quantity: 2, unit: "pcs" }] },
        { id: "winter", label: "Winter package", description: "Heat pump, winter tyres on steel rims.", priceCents: 120_000, leadDays: 0, productionHours: 1, operation: "assembly", components: [{ sku: "PKG-WINTER", name: "Heat pump and winter wheel set", quantity: 1, unit: "set", supplyDays: 9 }] },
        { id: "panoramic-roof", label: "Panoramic glass roof", priceCents: 210_000, leadDays: 7, productionHours: 5, operation: "assembly", components: [{ sku: "ROOF-GLASS", name: "Glass hardtop", quantity: 1, unit: "pcs" }], preview: { layer: "roof-glass" } },
        { id: "tow-bar", label: "Tow bar", priceCents: 90_000, leadDays: 0, productionHours: 2, operation: "body", components: [{ sku: "TOW-BAR", name: "Detachable tow bar", quantity: 1, unit: "pcs", supplyDays: 12 }], preview: { layer: "tow-bar" } },
        { id: "track", label: "Track package", description: "Carbon roof, rear wing, track brakes.", priceCents: 350_000, leadDays: 0, productionHours: 4, operation: "assembly", components: [{ sku: "PKG-TRACK", name: "Track kit: carbon roof, rear wing, track brakes", quantity: 1, unit: "set" }], preview: { layer: "wing" } },
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
        { id: "charcoal", label: "Charcoal recycled textile", priceCents: 0, leadDays: 0, productionHours: 0, operation: "interior", components: [{ sku: "TRIM-TEXTILE-CHARCOAL", name: "Seat and door trim set, charcoal recycled textile", quantity: 1, unit: "set" }], preview: { layer: "seat", color: "#3a3a3a" } },
        { id: "oyster", label: "Oyster leather", priceCents: 260_000, leadDays: 14, productionHours: 2, operation: "interior", components: [{ sku: "TRIM-LEATHER-OYSTER", name: "Seat and door trim set, oyster leather", quantity: 1, unit: "set" }], preview: { layer: "seat", color: "#e6d9c3" } },
        { id: "cognac", label: "Cognac leather", priceCents: 260_000, leadDays: 21, productionHours: 2, operation: "interior", components: [{ sku: "TRIM-LEATHER-COGNAC", name: "Seat and door trim set, cognac leather", quantity: 1, unit: "set" }], preview: { layer: "seat", color: "#9a5b2e" } },
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
      components: [{ sku: "SILL-PLATE-BLANK", name: "Stainless sill plate blank, for engraving", quantity: 2, unit: "pcs" }],
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
      { id: "body", d: "M 64 330 L 64 296 Q 66 274 92 268 L 222 258 Q 240 236 264 240 Q 276 246 278 262 L 384 262 L 398 254 Q 480 248 540 258 Q 586 266 596 290 L 596 330 Q 592 342 580 342 L 78 342 Q 64 342 64 330 Z", fill: "#f2f2ef", visible: true },
      { id: "roof-glass", d: "M 352 210 Q 300 196 250 214 Q 232 228 230 256 L 262 258 Q 268 228 300 220 Q 330 214 348 222 Z", fill: "#1c2733", visible: false },
      { id: "windows", d: "M 384 260 L 344 214 L 354 211 L 396 256 Z", fill: "#2c3e50", visible: true },
      { id: "seat", d: "M 284 262 L 294 222 Q 296 214 304 214 L 310 214 Q 316 216 314 224 L 306 262 Z", fill: "#3a3a3a", visible: true },
      { id: "trim", d: "M 318 264 L 321 264 L 323 326 L 320 326 Z M 400 258 L 403 258 L 401 326 L 398 326 Z M 334 274 L 352 274 L 352 278 L 334 278 Z M 200 318 L 470 318 L 470 321 L 200 321 Z", fill: "#00000030", visible: true },
      { id: "headlight", d: "M 566 268 L 592 278 L 590 286 L 568 280 Z", fill: "#fff3b0", visible: true },
      { id: "taillight", d: "M 66 276 L 90 272 L 90 282 L 66 286 Z", fill: "#d1343d", visible: true },
      { id: "wing", d: "M 70 244 L 132 238 L 134 246 L 74 252 Z M 96 250 L 102 250 L 104 266 L 98 266 Z", fill: "#1f1f1f", visible: false },
      { id: "tow-bar", d: "M 40 316 L 66 316 L 66 324 L 40 324 Z M 30 314 a 7 7 0 1 0 14 0 a 7 7 0 1 0 -14 0 Z", fill: "#2b2b2b", visible: false },
      { id: "tyres", d: `${circle(170, 334, 50)} ${circle(488, 334, 50)}`, fill: "#1b1b1b", visible: true },
      { id: "rims", d: carRims(33), fill: "#c5cad0", visible: true },
      { id: "hubs", d: `${circle(170, 334, 8)} ${circle(488, 334, 8)}`, fill: "#2b2b2b", visible: true },
    ],
  },
};


// A made-to-measure roller blind: the fabric is priced per m² by formula (width x height), the headrail by
// a price table over width bands, and larger orders get quantity tiers. A motor needs a power supply,
// which is only shown once a motor is chosen.
// Fabric is cut from 300 cm wide rolls: each centimetre of drop uses a centimetre of the chosen roll.
const blindFabric = [
  { sku: "FAB-SCREEN-300", name: "Sunscreen fabric, 300 cm roll", quantity: 1, unit: "cm", when: sel("fabric", "screen") },
  { sku: "FAB-BLACKOUT-300", name: "Blackout fabric, 300 cm roll", quantity: 1, unit: "cm", when: sel("fabric", "blackout") },
  { sku: "FAB-LINEN-300", name: "Washed linen fabric, 300 cm roll", quantity: 1, unit: "cm", when: sel("fabric", "linen") },
];

const rollerBlind: Definition = {
  basePriceCents: 2_900,
  baseLeadDays: 5,
  routing: [
    { id: "rail", label: "Cut headrail and bottom bar", workCentre: "frame", hours: 0.3 },
    { id: "fabric", label: "Cut and hem fabric", workCentre: "upholstery", hours: 0.2, hoursFormula: "width * height / 10000 * 0.25" },
    { id: "coat", label: "Powder-coat rails", workCentre: "paint", hours: 0.2 },
    { id: "assembly", label: "Assemble and test", workCentre: "assembly", hours: 0.4 },
  ],
  premiumPercent: 0,
  groups: [
    { id: "width", label: "Width", description: "The width of the fabric, in whole centimetres.", type: "number", required: true, unit: "cm", min: 40, max: 300, step: 1, default: 120, priceCentsPerUnit: 0, productionHoursPerUnit: 0, components: [{ sku: "RAIL-HEAD-AL", name: "Aluminium headrail", quantity: 1, unit: "cm" }, { sku: "BAR-BOTTOM-AL", name: "Aluminium bottom bar", quantity: 1, unit: "cm" }] },
    { id: "height", label: "Drop", description: "How far the blind comes down, in whole centimetres.", type: "number", required: true, unit: "cm", min: 40, max: 300, step: 1, default: 160, priceCentsPerUnit: 0, productionHoursPerUnit: 0, components: blindFabric },
    {
      id: "fabric",
      label: "Fabric",
      type: "single",
      display: "card",
      required: true,
      default: "screen",
      options: [
        { id: "screen", label: "Sunscreen", description: "Cuts glare, keeps the view.", priceCents: 0, leadDays: 0, productionHours: 0, operation: "fabric", preview: { layer: "fabric", color: "#8e9398" } },
        { id: "blackout", label: "Blackout", description: "Darkens the room completely.", priceCents: 0, leadDays: 0, productionHours: 0, operation: "fabric", preview: { layer: "fabric", color: "#3b3f46" } },
        { id: "linen", label: "Washed linen", description: "Soft, filtered daylight.", priceCents: 0, leadDays: 4, productionHours: 0.2, operation: "fabric", preview: { layer: "fabric", color: "#d8cbb3" } },
      ],
    },
    {
      id: "motor",
      label: "Motor",
      type: "single",
      display: "radio",
      required: true,
      default: "none",
      options: [
        { id: "none", label: "Chain, no motor", priceCents: 0, leadDays: 0, productionHours: 0, components: [{ sku: "KIT-CHAIN", name: "Chain control kit", quantity: 1, unit: "set" }], preview: { layer: "chain" } },
        { id: "standard", label: "Standard motor", priceCents: 14_900, leadDays: 3, productionHours: 0.5, operation: "assembly", components: [{ sku: "MOT-TUBE-STD", name: "Tubular motor, standard", quantity: 1, unit: "pcs" }], preview: { layer: "motor" } },
        { id: "quiet", label: "Whisper-quiet motor", priceCents: 21_900, leadDays: 5, productionHours: 0.6, operation: "assembly", components: [{ sku: "MOT-TUBE-QUIET", name: "Tubular motor, whisper-quiet", quantity: 1, unit: "pcs" }], preview: { layer: "motor" } },
      ],
    },
    {
      id: "power",
      label: "Power supply",
      type: "single",
      display: "radio",
      required: false,
      default: "plug",
      options: [
        { id: "plug", label: "Plug-in adapter", priceCents: 2_900, leadDays: 0, productionHours: 0, components: [{ sku: "PSU-PLUG-12V", name: "Plug-in power adapter, 12 V", quantity: 1, unit: "pcs" }] },
        { id: "battery", label: "Rechargeable battery", priceCents: 5_900, leadDays: 0, productionHours: 0.1, operation: "assembly", components: [{ sku: "PSU-BATTERY", name: "Rechargeable battery pack", quantity: 1, unit: "pcs" }] },
        { id: "hardwired", label: "Hard-wired (by your electrician)", priceCents: 0, leadDays: 0, productionHours: 0, components: [{ sku: "KIT-HARDWIRE", name: "Hard-wiring junction kit", quantity: 1, unit: "set" }] },
      ],
    },
  ],
  rules: [
    { id: "power-with-motor", kind: "visibleWhen", target: { group: "power" }, when: { not: sel("motor", "none") }, message: "A power supply is only needed with a motor" },
    { id: "motor-needs-power", kind: "requires", when: { any: [sel("motor", "standard"), sel("motor", "quiet")] }, then: { filled: { group: "power" } }, message: "A motor needs a power supply: choose one" },
    { id: "linen-width", kind: "range", group: "width", when: sel("fabric", "linen"), max: 240, message: "Washed linen is woven up to 240 cm wide" },
  ],
  pricing: {
    formulas: [
      { id: "screen-fabric", label: "Sunscreen fabric", quantity: "width * height / 10000", unit: "m²", decimals: 2, rateCents: 6_900, minQuantity: 0.5, when: sel("fabric", "screen") },
      { id: "blackout-fabric", label: "Blackout fabric", quantity: "width * height / 10000", unit: "m²", decimals: 2, rateCents: 8_900, minQuantity: 0.5, when: sel("fabric", "blackout") },
      { id: "linen-fabric", label: "Washed linen", quantity: "width * height / 10000", unit: "m²", decimals: 2, rateCents: 11_900, minQuantity: 0.5, when: sel("fabric", "linen") },
    ],
    tables: [
      { id: "headrail", label: "Headrail", rows: { group: "width", upTo: [100, 150, 200, 300] }, cents: [[2_900], [3_900], [4_900], [6_900]] },
    ],
    tiers: [
      { minQuantity: 5, percent: 5 },
      { minQuantity: 10, percent: 10 },
    ],
  },
  // Drawn at 120 x 160 cm, 1.3 units per cm: the width stretches it sideways about the middle, the drop
  // lengthens it downwards from the headrail.
  preview: {
    viewBox: "0 0 640 480",
    layers: [
      { id: "shadow", d: "M 244 62 L 398 62 L 404 276 L 250 276 Z", fill: "#0000001a", visible: true },
      { id: "fabric", d: "M 242 58 L 398 58 L 398 266 L 242 266 Z", fill: "#8e9398", visible: true },
      { id: "weave", d: "M 242 110 L 398 110 L 398 111 L 242 111 Z M 242 162 L 398 162 L 398 163 L 242 163 Z M 242 214 L 398 214 L 398 215 L 242 215 Z", fill: "#ffffff26", visible: true },
      { id: "headrail", d: "M 234 42 L 406 42 Q 410 42 410 46 L 410 58 Q 410 62 406 62 L 234 62 Q 230 62 230 58 L 230 46 Q 230 42 234 42 Z", fill: "#e4e6e8", visible: true },
      { id: "bottom-bar", d: "M 240 264 L 400 264 Q 403 264 403 267 L 403 271 Q 403 274 400 274 L 240 274 Q 237 274 237 271 L 237 267 Q 237 264 240 264 Z", fill: "#c9cdd1", visible: true },
      { id: "chain", d: "M 414 56 L 417 56 L 417 212 L 414 212 Z M 410 212 L 421 212 L 421 222 L 410 222 Z", fill: "#9aa0a6", visible: false },
      { id: "motor", d: "M 392 45 L 408 45 L 408 59 L 392 59 Z M 396 50 a 3 3 0 1 0 6 0 a 3 3 0 1 0 -6 0 Z", fill: "#4a4f55", visible: false },
    ],
    stretch: [
      { group: "width", axis: "x", from: 250, to: 390, reference: 120, perUnit: 1.3 },
      { group: "height", axis: "y", from: 70, to: 262, reference: 160, perUnit: 1.3, anchor: "start", layers: ["shadow", "fabric", "weave", "bottom-bar"] },
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
  {
    slug: "lumen-roller-blind",
    name: "Lumen roller blind",
    summary: "A roller blind made to your window, to the centimetre, with an optional quiet motor.",
    description:
      "Lumen blinds are cut to your width and drop and priced by the square metre of fabric you choose: sunscreen, blackout or washed linen. Add a motor and choose how it is powered; larger orders for a whole house cost less per blind.",
    image: "/products/lumen-roller-blind.svg",
    definition: rollerBlind,
  },
];
