import { describe, expect, it } from "vitest";
import { replayChanges, type QueuedChange } from "@/components/configurator/queued-changes";
import { estimateFor } from "@/components/configurator/configurator-engine";
import { estimateDelivery, toEstimateJson, type DeliveryContext } from "@/lib/delivery/estimate";
import { estimateRequest } from "@/lib/delivery/estimate-request";
import { readEstimateJson } from "@/lib/delivery/estimate-json";
import { allFixes, encodeSelection, evaluate, fixFor, lineText, previewLayers, type Selection } from "@/lib/configurator";
import { formatCents } from "@/lib/money";
import { configuratorView, defaultSelection, initialView, tidySelection } from "@/lib/configurator/view";
import { demoProducts } from "@/prisma/demo-products";

// The configurator page renders its first view on the server and loads the engine on the first
// interaction: the first view must be what the engine computes in the browser, as plain data, and changes
// made while the engine loads must end where they would have with the engine there.

const definitionOf = (slug: string) => demoProducts.find((p) => p.slug === slug)!.definition;
const sofa = definitionOf("linden-sofa");
const vela = definitionOf("vela-roadster");

describe("initialView", () => {
  it.each(demoProducts.map((p) => [p.slug, p.definition] as const))("is the engine's view of the defaults (%s), fixes included", (_slug, definition) => {
    const view = initialView(definition, "EUR");
    const defaults = defaultSelection(definition);
    expect(view.selection).toEqual(defaults);
    expect(view.quantity).toBe(1);
    expect(view.result).toEqual(evaluate(definition, defaults, { quantity: 1 }));
    expect(view.preview).toEqual(previewLayers(definition, defaults));
    expect(view.code).toBe(encodeSelection(defaults));
    // Each breakdown line worded, in the currency asked for, for the summary to show as it is.
    expect(view.lines).toEqual(view.result.breakdown.lines.map((line) => lineText(line, (cents) => formatCents(cents, "EUR"))));
    expect(view.lines.some((line) => line.length > 0)).toBe(true);
    expect(view.fixes).toEqual(allFixes(definition, defaults));
    for (const [group, states] of Object.entries(view.result.options)) {
      for (const [option, state] of Object.entries(states)) expect(view.fixes?.[group]?.[option]).toEqual(state.available ? undefined : fixFor(definition, defaults, group, option));
    }
  });

  it("is plain data: it survives the trip to the browser unchanged", () => {
    const view = initialView(vela, "EUR");
    expect(JSON.parse(JSON.stringify(view))).toEqual(view);
    // Cognac leather is blocked by a rule, with a one-step fix the page shows before the engine loads.
    const seats = view.result.options.interior!.cognac!;
    expect(seats.available).toBe(false);
    expect(seats.reason).toMatch(/Comfort package/);
    const fix = view.fixes?.interior?.cognac;
    expect(fix?.label).toMatch(/Comfort package/);
    expect(fix).toEqual(fixFor(vela, view.selection, "interior", "cognac"));
    expect(Object.getOwnPropertyDescriptor(seats, "fix")?.get).toBeUndefined();
    expect(Object.getOwnPropertyDescriptor(fix, "selection")?.get).toBeUndefined();
  });
});

describe("replayChanges", () => {
  const choose = (group: string, option: string): QueuedChange => ({ next: (s) => ({ ...s, [group]: option }), tidy: true });
  const setValue = (group: string, value: number): QueuedChange => ({ next: (s) => ({ ...s, [group]: value }), tidy: false });

  it("ends where the same changes end with the engine loaded, each normalized in turn", () => {
    const changes = [choose("material", "leather"), choose("material", "linen"), setValue("width", 300)];
    let withEngine: Selection = defaultSelection(sofa);
    for (const change of changes) withEngine = change.tidy ? tidySelection(sofa, change.next(withEngine)) : change.next(withEngine);
    const replayed = replayChanges(sofa, defaultSelection(sofa), changes);
    expect(replayed).toEqual(withEngine);
    // Leather dropped the fabric colour, linen brought back the default one; the width stays as typed.
    expect(replayed["fabric-color"]).toBe(defaultSelection(sofa)["fabric-color"]);
    expect(replayed.width).toBe(300);
    expect(configuratorView(sofa, replayed, 1, "EUR").result.valid).toBe(false);
  });
});

describe("the delivery estimate of the first view", () => {
  const context: DeliveryContext = {
    today: "2026-11-25", shippingDays: 5,
    calendar: { centres: [{ id: "workshop", name: "Workshop", weekdayHours: [8, 8, 8, 8, 8, 0, 0] }], exceptions: [], closures: [] },
    booked: { workshop: { "2026-12-02": 6 } },
  };
  const work = [{ workCentre: "workshop", hours: 10 }];

  it("travels as JSON and reads back as the engine words it", () => {
    const estimate = estimateDelivery(context, 7, work);
    const json = JSON.parse(JSON.stringify(toEstimateJson(estimate, 7, "workshop:10")));
    expect(readEstimateJson(json)).toEqual({ leadDays: 7, work: "workshop:10", estimate: estimateFor(context, 7, work) });
    expect(readEstimateJson(json)?.estimate).toMatchObject({ ok: true, date: expect.stringMatching(/^Tuesday,? 8 December 2026$/), latest: "8 Dec 2026" });
    const refused = estimateDelivery({ ...context, calendar: { ...context.calendar, centres: [] } }, 7, work);
    expect(refused.ok).toBe(false);
    expect(readEstimateJson(JSON.parse(JSON.stringify(toEstimateJson(refused, 7, "workshop:10"))))).toEqual({ leadDays: 7, work: "workshop:10", estimate: refused });
  });

  it("refuses what is not an estimate", () => {
    for (const value of [null, 3, "x", {}, { leadDays: 1, work: "a:2" }, { leadDays: 1, work: "a:2", ok: true, date: 3, latest: "7 Dec 2026", why: [] }, { leadDays: 1, work: "a:2", ok: true, date: "Monday 7 December 2026", latest: "7 Dec 2026" }]) {
      expect(readEstimateJson(value)).toBeNull();
    }
  });

  it("is asked for with whole lead days and the hours per work centre in range, nothing else", () => {
    const ask = (query: string) => estimateRequest(new URLSearchParams(query));
    expect(ask("leadDays=21&work=frame:20,paint:40.5")).toEqual({ leadDays: 21, signature: "frame:20,paint:40.5", work: [{ workCentre: "frame", hours: 20 }, { workCentre: "paint", hours: 40.5 }] });
    for (const query of ["", "leadDays=21", "leadDays=&work=", "leadDays=1.5&work=frame:2", "leadDays=-1&work=frame:2", "leadDays=1&work=frame:Infinity", "leadDays=99999&work=frame:1", "leadDays=1&work=frame:1e9", "leadDays=x&work=frame:1", "leadDays=1&work=../x:1", "leadDays=1&work=frame:1;paint:2"]) {
      expect(ask(query), query).toBeNull();
    }
  });
});
