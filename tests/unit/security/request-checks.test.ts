import { describe, expect, it } from "vitest";
import { ACTION_BODY_LIMIT_BYTES, dropStrayActionHeader, foreignOrigin, malformedUrl, oversizedAction } from "@/lib/security/request-checks";

describe("malformedUrl", () => {
  it("refuses NUL bytes and broken percent-encoding, in the path and the query", () => {
    for (const url of ["/products/%00", "/staff?q=%00", "/admin/users?q=a%00b", "/x?%00=1", "/products/%E0%A4%A", "/staff?q=%ZZ", "/staff?q=%", "/%C0%AF"]) {
      expect(malformedUrl(url), url).toMatchObject({ status: 400 });
    }
    expect(malformedUrl("/staff?q=%00")?.message).toMatch(/NUL/);
    expect(malformedUrl("/staff?q=%ZZ")?.message).toMatch(/percent-encoding/);
  });

  it("lets ordinary addresses through", () => {
    for (const url of ["/", "/products/oak-desk", "/staff?q=50%25+off&product=", "/admin/audit?from=2026-01-01&to=", "/products/caf%C3%A9", "/?a=b=c&&d"]) {
      expect(malformedUrl(url), url).toBeNull();
    }
  });
});

describe("foreignOrigin", () => {
  it("refuses a POST from another origin, whatever X-Forwarded-Host says once the edge dropped it", () => {
    expect(foreignOrigin("POST", { host: "shop.example", origin: "https://evil.example" })).toMatchObject({ status: 403 });
    expect(foreignOrigin("POST", { host: "shop.example", origin: "null" })).toMatchObject({ status: 403 });
    expect(foreignOrigin("POST", { host: "shop.example", origin: "not a url" })).toMatchObject({ status: 403 });
    expect(foreignOrigin("DELETE", { host: "shop.example:3000", origin: "http://shop.example" })).toMatchObject({ status: 403 });
  });

  it("accepts the same origin, a trusted proxy's host, requests without Origin and safe methods", () => {
    expect(foreignOrigin("POST", { host: "shop.example:3000", origin: "http://shop.example:3000" })).toBeNull();
    expect(foreignOrigin("POST", { host: "Shop.Example", origin: "https://shop.example" })).toBeNull();
    expect(foreignOrigin("POST", { host: "10.0.0.5:3000", "x-forwarded-host": "shop.example", origin: "https://shop.example" })).toBeNull();
    expect(foreignOrigin("POST", { host: "shop.example" })).toBeNull();
    expect(foreignOrigin("GET", { host: "shop.example", origin: "https://evil.example" })).toBeNull();
  });
});

describe("oversizedAction", () => {
  const action = { "next-action": "abc" };
  it("refuses a server action over the limit (413), of undeclared length (411) or a bad length (400)", () => {
    expect(oversizedAction("POST", { ...action, "content-length": String(ACTION_BODY_LIMIT_BYTES + 1) })).toMatchObject({ status: 413 });
    expect(oversizedAction("POST", action)).toMatchObject({ status: 411 });
    expect(oversizedAction("POST", { ...action, "content-length": "-5" })).toMatchObject({ status: 400 });
    expect(oversizedAction("POST", { ...action, "content-length": String(ACTION_BODY_LIMIT_BYTES + 1) })?.message).toMatch(/at most 3 MB/);
  });

  it("lets through actions within the limit and requests that are not actions", () => {
    expect(oversizedAction("POST", { ...action, "content-length": String(ACTION_BODY_LIMIT_BYTES) })).toBeNull();
    expect(oversizedAction("POST", { "content-length": "99999999" })).toBeNull();
    expect(oversizedAction("GET", action)).toBeNull();
  });
});

describe("dropStrayActionHeader", () => {
  it("keeps the Next-Action header of a POST and drops it from any other method, where no action can run", () => {
    const post: Record<string, string | undefined> = { "next-action": "abc", accept: "text/x-component" };
    dropStrayActionHeader("POST", post);
    expect(post).toEqual({ "next-action": "abc", accept: "text/x-component" });
    for (const method of ["GET", "HEAD", "PUT", undefined]) {
      const headers: Record<string, string | undefined> = { "next-action": "abc", cookie: "x=1" };
      dropStrayActionHeader(method, headers);
      expect(headers).toEqual({ cookie: "x=1" });
    }
  });
});

describe("the request limit and the forms that must fit in it", () => {
  it("leaves room for the largest draft definition and the largest product image with their forms", async () => {
    const { MAX_DEFINITION_BYTES } = await import("@/lib/catalog/editor/limits");
    const { MAX_IMAGE_BYTES } = await import("@/lib/catalog/editor/schema");
    const formOverhead = 64 * 1024; // the other fields, multipart boundaries and React's reply encoding
    expect(ACTION_BODY_LIMIT_BYTES).toBeGreaterThanOrEqual(MAX_DEFINITION_BYTES + formOverhead);
    expect(ACTION_BODY_LIMIT_BYTES).toBeGreaterThanOrEqual(MAX_IMAGE_BYTES + 6_000 + formOverhead);
  });
});
