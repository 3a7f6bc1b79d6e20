import { describe, expect, it } from "vitest";
import { MAX_QUANTITY, readQuantity } from "@/lib/configurator/quantity";
import { sharedView } from "@/lib/configurator/share/shared-view";
import { defaultSelection } from "@/lib/configurator/view";
import { encodeSelection } from "@/lib/configurator";
import { checkoutSchema } from "@/lib/orders/schema";
import { demoProducts } from "@/prisma/demo-products";

const sofa = demoProducts.find((p) => p.slug === "linden-sofa")!.definition;

describe("readQuantity: one reading of a typed quantity for the configurator, the checkout and the server", () => {
  it("accepts digits from 1 to the limit", () => {
    expect(readQuantity("1", 20)).toEqual({ ok: true, quantity: 1 });
    expect(readQuantity(" 20 ", 20)).toEqual({ ok: true, quantity: 20 });
  });
  it("says why an empty, non-digit or zero quantity cannot be ordered, with no number to price", () => {
    expect(readQuantity("", 20)).toEqual({ ok: false, message: "Enter how many you want, from 1 to 20" });
    expect(readQuantity("1e2", 20)).toEqual({ ok: false, message: "Enter the quantity in digits, e.g. 2" });
    expect(readQuantity("-3", 20)).toEqual({ ok: false, message: "Enter the quantity in digits, e.g. 2" });
    expect(readQuantity("0", 20)).toEqual({ ok: false, message: "Order at least 1" });
  });
  it("never clamps over the limit: the typed number stays (to price honestly) with the limit's message", () => {
    expect(readQuantity("150", 100)).toEqual({ ok: false, message: "At most 100 per order; for more, contact us.", quantity: 150 });
    expect(readQuantity(String(MAX_QUANTITY + 1), 20)).toEqual({ ok: false, message: "At most 20 per order; for more, contact us." });
  });
  it("is what the server's checkout schema applies, with the same messages", () => {
    const issues = (quantity: string) => checkoutSchema.shape.quantity.safeParse(quantity).error?.issues.map((i) => i.message);
    expect(checkoutSchema.shape.quantity.parse("7")).toBe(7);
    expect(issues("")).toEqual(["Enter how many you want, from 1 to 10000"]);
    expect(issues("0")).toEqual(["Order at least 1"]);
    expect(issues("2.5")).toEqual(["Enter the quantity in digits, e.g. 2"]);
    expect(issues(String(MAX_QUANTITY + 1))).toEqual([`At most ${MAX_QUANTITY} per order; for more, contact us.`]);
  });
});

describe("sharedView: a share link's first view, read on the server", () => {
  it("is the link's configuration and quantity, with the defaults kept for Reset", () => {
    const selection = { ...defaultSelection(sofa), material: "linen", legs: "walnut" };
    const shared = sharedView(sofa, `c=${encodeSelection(selection)}&q=2`, "EUR");
    expect(shared.restored).toBe(true);
    expect(shared.notice).toBeNull();
    expect(shared.view.quantity).toBe(2);
    expect(shared.view.selection).toMatchObject({ material: "linen", legs: "walnut" });
    expect(shared.view.fixes).toBeDefined();
    expect(shared.defaults).toEqual(defaultSelection(sofa));
  });
  it("opens the defaults with the reason when the link is damaged", () => {
    const shared = sharedView(sofa, "c=v1.not*base64", "EUR");
    expect(shared.restored).toBe(false);
    expect(shared.notice).toContain("damaged");
    expect(shared.view.selection).toEqual(defaultSelection(sofa));
  });
});
