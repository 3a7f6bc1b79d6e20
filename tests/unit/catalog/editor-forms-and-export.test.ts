import { describe, expect, it } from "vitest";
import { csvCell, toCsv } from "@/lib/reports/orders-csv";
import { productDetailsSchema } from "@/lib/catalog/editor/schema";

describe("CSV export", () => {
  it("quotes separators and quotes, and defuses spreadsheet formulas", () => {
    expect(csvCell('Oak, "natural"')).toBe('"Oak, ""natural"""');
    expect(csvCell("=HYPERLINK(1)")).toBe("'=HYPERLINK(1)");
    expect(csvCell(-5)).toBe("-5");
    expect(csvCell(null)).toBe("");
    expect(toCsv([["a", 1], ["b", "x\ny"]])).toBe('a,1\r\nb,"x\ny"\r\n');
  });
});

describe("product details", () => {
  it("accepts a kebab-case slug and a local or https image, and rejects the rest at their field", () => {
    expect(productDetailsSchema.safeParse({ name: "Desk", slug: " Oak-Desk ", summary: "", description: "", imageUrl: "/uploads/a.png" }).data?.slug).toBe("oak-desk");
    const bad = productDetailsSchema.safeParse({ name: "", slug: "oak desk", summary: "", description: "", imageUrl: "javascript:alert(1)" });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues.map((i) => i.path[0]).sort()).toEqual(["imageUrl", "name", "slug"]);
  });
});

describe("image uploads", () => {
  const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);

  it("turns a real PNG into a data URL the details schema accepts", async () => {
    const { imageToDataUrl } = await import("@/lib/catalog/editor/upload");
    const result = await imageToDataUrl(new File([png], "desk.png", { type: "image/png" }));
    expect(result.ok).toBe(true);
    const url = result.ok ? result.url : "";
    expect(url.startsWith("data:image/png;base64,")).toBe(true);
    expect(productDetailsSchema.safeParse({ name: "Desk", slug: "desk", summary: "", description: "", imageUrl: url }).success).toBe(true);
  });

  it("refuses a file that is not an image, whatever its name, and one that is too large", async () => {
    const { imageToDataUrl } = await import("@/lib/catalog/editor/upload");
    expect(await imageToDataUrl(new File(["<svg onload=alert(1)>"], "x.png", { type: "image/png" }))).toEqual({ ok: false, message: "Upload a PNG, JPEG or WebP image." });
    const big = new Uint8Array(1024 * 1024 + 1);
    big.set(png);
    expect((await imageToDataUrl(new File([big], "big.png", { type: "image/png" }))).ok).toBe(false);
    expect(productDetailsSchema.safeParse({ name: "D", slug: "d", summary: "", description: "", imageUrl: "data:text/html;base64,PHNjcmlwdD4=" }).success).toBe(false);
  });
});
