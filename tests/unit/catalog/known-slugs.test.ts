import { describe, expect, it } from "vitest";
import type { Prisma } from "@/lib/db/client";
import { forgetPublishedSlugs, routeProductPage, UNKNOWN_PRODUCT_URL } from "@/lib/catalog/known-slugs";

// The edge's routing of /products/<slug>: a published slug is served, anything else goes to the prerendered
// "Product not found" page before Next renders (and caches) it; the list is read at most every 2 seconds.

function fakeDb(slugs: string[]) {
  const db = { reads: 0, slugs, $queryRawUnsafe: async () => { db.reads++; return db.slugs.map((slug) => ({ slug })); } };
  return db;
}

describe("routeProductPage", () => {
  it("serves published slugs from memory and sends unknown ones to the 404 page, reading the list at most every 2 s", async () => {
    forgetPublishedSlugs();
    const db = fakeDb(["oak-desk"]);
    const open = async () => db as unknown as Prisma;
    expect(await routeProductPage("GET", "/products/oak-desk", open)).toBe("/products/oak-desk");
    expect(routeProductPage("GET", "/products/oak-desk?_rsc=1", open)).toBe("/products/oak-desk?_rsc=1"); // from memory: no wait
    for (let i = 0; i < 50; i++) expect(await routeProductPage("GET", `/products/no-such-${i}`, open)).toBe(UNKNOWN_PRODUCT_URL);
    expect(await routeProductPage("GET", "/products/no-such?_rsc=abc", open)).toBe(`${UNKNOWN_PRODUCT_URL}?_rsc=abc`);
    expect(db.reads).toBe(1);
    db.slugs = ["oak-desk", "new-chair"];
    forgetPublishedSlugs(); // what publishing does on this instance
    expect(await routeProductPage("GET", "/products/new-chair", open)).toBe("/products/new-chair");
    expect(db.reads).toBe(2);
  });

  it("refuses what cannot be a slug without reading anything, and leaves other addresses alone", async () => {
    const db = fakeDb([]);
    const open = async () => db as unknown as Prisma;
    forgetPublishedSlugs();
    for (const url of ["/products/" + "a".repeat(65), "/products/Oak-Desk", "/products/%E0%A4%A", "/products/a--b", "/products/x.php"]) {
      expect(routeProductPage("GET", url, open), url).toBe(UNKNOWN_PRODUCT_URL);
    }
    expect(db.reads).toBe(0);
    expect(routeProductPage("GET", "/products/linden-sofa.svg", open, new Set(["linden-sofa.svg"]))).toBe("/products/linden-sofa.svg");
    expect(routeProductPage("GET", "/products/oak-desk/order", open)).toBe("/products/oak-desk/order");
    expect(routeProductPage("POST", "/products/whatever", open)).toBe("/products/whatever");
    expect(routeProductPage("GET", "/", open)).toBe("/");
  });
});
