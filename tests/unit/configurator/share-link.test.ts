import { describe, expect, it } from "vitest";
import { readShareLink, shareLinkSearch } from "@/lib/configurator/share/share-link";
import { defaultSelection } from "@/lib/configurator/view";
import { encodeSelection, evaluate } from "@/lib/configurator";
import { demoProducts } from "@/prisma/demo-products";
import { priceDelta } from "@/components/configurator/price-tag";

const sofa = demoProducts.find((p) => p.slug === "linden-sofa")!.definition;

describe("readShareLink", () => {
  it("restores a shared selection and quantity exactly", () => {
    const selection = { ...defaultSelection(sofa), material: "linen", width: 240, legs: "walnut" };
    const link = readShareLink(sofa, `?c=${encodeSelection(selection)}&q=3`);
    expect(link.notice).toBeUndefined();
    expect(link.quantity).toBe(3);
    expect(evaluate(sofa, link.selection!, { quantity: 3 }).totalCents).toBe(evaluate(sofa, selection, { quantity: 3 }).totalCents);
  });

  it("explains a damaged link and falls back to the defaults", () => {
    const link = readShareLink(sofa, "?c=v1.%%%");
    expect(link.selection).toBeUndefined();
    expect(link.notice).toMatch(/damaged.*standard configuration/);
  });

  it("explains a link made for an earlier version (an option that no longer exists)", () => {
    const link = readShareLink(sofa, `?c=${encodeSelection({ material: "velvet" })}`);
    expect(link.selection).toBeUndefined();
    expect(link.notice).toMatch(/earlier version/);
  });

  it("ignores a quantity that is not a whole number in range, and pages without a link", () => {
    expect(readShareLink(sofa, "?q=0")).toEqual({});
    expect(readShareLink(sofa, "?q=2.5")).toEqual({});
    expect(readShareLink(sofa, "")).toEqual({});
  });
});

describe("shareLinkSearch", () => {
  it("makes the query string of a page's c and q, leaving out what is not one string, and reads back the same link", () => {
    const selection = { ...defaultSelection(sofa), width: 240 };
    const search = shareLinkSearch(encodeSelection(selection), "3");
    expect(readShareLink(sofa, search)).toEqual({ selection, quantity: 3 });
    expect(shareLinkSearch(undefined, ["2", "3"])).toBe("");
    expect(shareLinkSearch("a&b=c", undefined)).toBe("c=a%26b%3Dc");
  });
});

describe("priceDelta", () => {
  it("signs option prices and calls free ones included", () => {
    expect(priceDelta(9_000, "EUR")).toBe("+€90.00");
    expect(priceDelta(-20_000, "EUR")).toBe("−€200.00");
    expect(priceDelta(0, "EUR")).toBe("Included");
  });
});
