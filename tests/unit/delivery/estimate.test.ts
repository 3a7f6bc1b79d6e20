import { describe, expect, it } from "vitest";
import { estimateDelivery, isDeliveryContext, reasonText, toEstimateJson, wordEstimate, type DeliveryContext } from "@/lib/delivery/estimate";
import { readEstimateJson, workSignature } from "@/lib/delivery/estimate-json";
import { estimateRequest, parseWork } from "@/lib/delivery/estimate-request";
import { formatWeekWindow, typicalDeliveryWeeks } from "@/lib/delivery/typical-window";
import { demoProducts } from "@/prisma/demo-products";
import { DEMO_WORK_CENTRES } from "@/prisma/seed-database";
import { evaluate, normalize } from "@/lib/configurator";
import { workOf } from "@/lib/delivery/work";
import { cheapestConfiguration } from "@/lib/catalog/from-price";

const context = (over: Partial<DeliveryContext> = {}): DeliveryContext => ({
  today: "2026-11-25", // a Wednesday
  shippingDays: 5,
  calendar: {
    centres: [
      { id: "frame", name: "Frame shop", weekdayHours: [8, 8, 8, 8, 8, 0, 0] },
      { id: "upholstery", name: "Upholstery", weekdayHours: [16, 16, 16, 16, 16, 0, 0] },
    ],
    exceptions: [],
    closures: [],
  },
  booked: {},
  ...over,
});
const sofa = [{ workCentre: "frame", hours: 6, label: "Frame" }, { workCentre: "upholstery", hours: 20, label: "Upholstery" }];
const iso = (date: Date) => date.toISOString().slice(0, 10);

describe("estimateDelivery", () => {
  it("plans the materials, then each operation at its centre, then shipping", () => {
    const estimate = estimateDelivery(context(), 7, sofa); // materials Wed 2 Dec; frame 2 Dec; upholstery 3-4 Dec
    if (!estimate.ok) throw new Error(estimate.message);
    expect(iso(estimate.promisedDate)).toBe("2026-12-09");
    expect(estimate.reasons).toEqual([{ kind: "materials", until: "2026-12-02", days: 7 }]);
  });

  it("moves the date when a centre is booked up, and says which one until when", () => {
    const booked = { upholstery: { "2026-12-03": 16, "2026-12-04": 16, "2026-12-07": 16 } };
    const estimate = estimateDelivery(context({ booked }), 7, sofa);
    if (!estimate.ok) throw new Error(estimate.message);
    expect(iso(estimate.promisedDate)).toBe("2026-12-14");
    expect(estimate.reasons.map(reasonText)).toEqual(["Materials arrive 2 Dec", "Upholstery is booked until 7 Dec"]);
  });

  it("moves at once when the calendar changes: a closure pushes the work after it", () => {
    const open = estimateDelivery(context(), 0, sofa);
    const closed = estimateDelivery(context({ calendar: { ...context().calendar, closures: [{ name: "Workshop", first: "2026-11-25", last: "2026-12-01" }] } }), 0, sofa);
    if (!open.ok || !closed.ok) throw new Error("expected plans");
    expect(iso(open.promisedDate)).toBe("2026-12-02");
    expect(iso(closed.promisedDate)).toBe("2026-12-09");
    expect(closed.reasons.map(reasonText)).toEqual(["Workshop: closed 25 Nov – 1 Dec"]);
  });

  it("reports work at a centre that is not in use", () => {
    const estimate = estimateDelivery(context(), 0, [{ workCentre: "paint", hours: 2, label: "Paint" }]);
    expect(estimate).toEqual({ ok: false, message: "This product cannot be planned: its Paint work centre is not in use. Contact us." });
  });
});

describe("the estimate on the wire", () => {
  it("travels worded through JSON: the day, the latest date and the workshop's reasons", () => {
    const estimate = estimateDelivery(context({ booked: { frame: { "2026-12-02": 8 } } }), 7, sofa);
    const json = JSON.parse(JSON.stringify(toEstimateJson(estimate, 7, workSignature(sofa))));
    const shown = wordEstimate(estimate);
    expect(readEstimateJson(json)).toEqual({ leadDays: 7, work: "frame:6,upholstery:20", estimate: shown });
    expect(shown.ok && shown.why).toEqual(["Frame shop is booked until 2 Dec"]);
    // Other clients of /api/delivery-context get the date and the reasons as data too.
    expect(json).toMatchObject({ promisedDate: estimate.ok && estimate.promisedDate.toISOString(), reasons: estimate.ok && estimate.reasons });
    expect(readEstimateJson({ ...json, date: 7 })).toBeNull();
    expect(readEstimateJson({ ...json, why: [{ kind: "booked" }] })).toBeNull();
    expect(readEstimateJson(null)).toBeNull();
  });

  it("reads the first view's work from the query, refusing anything malformed", () => {
    expect(estimateRequest(new URLSearchParams("leadDays=7&work=frame:6,upholstery:20.5"))).toEqual({
      leadDays: 7, signature: "frame:6,upholstery:20.5", work: [{ workCentre: "frame", hours: 6 }, { workCentre: "upholstery", hours: 20.5 }],
    });
    expect(estimateRequest(new URLSearchParams("leadDays=7&work="))).toMatchObject({ work: [] });
    for (const bad of ["leadDays=-1&work=frame:1", "leadDays=7", "leadDays=7&work=Frame:1", "leadDays=7&work=frame:-1", "leadDays=7&work=frame:1e9", "leadDays=x&work=frame:1"]) {
      expect(estimateRequest(new URLSearchParams(bad)), bad).toBeNull();
    }
    expect(parseWork(Array.from({ length: 21 }, () => "frame:1").join(","))).toBeNull();
  });

  it("accepts the route's context and rejects anything else", () => {
    expect(isDeliveryContext(context({ booked: { frame: { "2026-12-02": 12.5 } } }))).toBe(true);
    expect(isDeliveryContext({ ...context(), today: "tomorrow" })).toBe(false);
    expect(isDeliveryContext({ ...context(), booked: { frame: { "2026-12-02": "12" } } })).toBe(false);
    expect(isDeliveryContext({ ...context(), calendar: { centres: [], exceptions: [] } })).toBe(false);
    expect(isDeliveryContext(null)).toBe(false);
  });
});

describe("typicalDeliveryWeeks", () => {
  it("gives every demo product a window of whole weeks, quickest first", () => {
    for (const product of demoProducts) {
      const window = typicalDeliveryWeeks(product.definition, { shippingDays: 5, centres: [...DEMO_WORK_CENTRES, { id: "workshop", name: "Workshop", weekdayHours: [16, 16, 16, 16, 16, 0, 0] }] });
      expect(window, product.slug).not.toBeNull();
      expect(window!.min).toBeGreaterThanOrEqual(1);
      expect(window!.max).toBeGreaterThan(window!.min - 1);
      expect(formatWeekWindow(window!)).toMatch(/^(up to \d+ weeks?|\d+–\d+ weeks)$/);
    }
  });

  it("agrees with the configurator's live estimate on an empty workshop, whatever the weekday, without padding", () => {
    const centres = [...DEMO_WORK_CENTRES, { id: "workshop", name: "Workshop", weekdayHours: [16, 16, 16, 16, 16, 0, 0] }];
    for (const product of demoProducts) {
      const window = typicalDeliveryWeeks(product.definition, { shippingDays: 5, centres })!;
      const defaults = normalize(product.definition, {});
      const selections = [...(defaults.ok ? [defaults.selection] : []), cheapestConfiguration(product.definition)!.selection];
      let slowest = 0;
      for (const selection of selections) {
        const result = evaluate(product.definition, selection);
        for (const today of ["2026-11-23", "2026-11-24", "2026-11-25", "2026-11-26", "2026-11-27", "2026-11-28", "2026-11-29"]) {
          const live = estimateDelivery(context({ today, shippingDays: 5, calendar: { centres, exceptions: [], closures: [] } }), result.leadDays, workOf(result));
          if (!live.ok) throw new Error(live.message);
          const weeks = (live.promisedDate.getTime() - Date.parse(`${today}T00:00:00Z`)) / (7 * 86_400_000);
          expect(weeks, `${product.slug} ordered ${today}`).toBeLessThanOrEqual(window.max);
          expect(weeks, `${product.slug} ordered ${today}`).toBeGreaterThan(window.min - 1);
          slowest = Math.max(slowest, weeks);
        }
      }
      // The window's end is the slowest live estimate rounded up to whole weeks, not a week more.
      expect(Math.ceil(slowest), product.slug).toBe(window.max);
    }
  });

  it("says a single window as 'up to', with the right plural", () => {
    expect(formatWeekWindow({ min: 1, max: 1 })).toBe("up to 1 week");
    expect(formatWeekWindow({ min: 2, max: 2 })).toBe("up to 2 weeks");
    expect(formatWeekWindow({ min: 2, max: 3 })).toBe("2–3 weeks");
  });
});
