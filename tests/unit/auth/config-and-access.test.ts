import path from "node:path";
import { describe, expect, it } from "vitest";
import { areasFor } from "@/lib/auth/areas";
import { safeCallbackUrl } from "@/lib/auth/callback-url";
import { EMBEDDED_PLACEHOLDER_URL, resolveDatabaseConfig } from "@/lib/db/config";

describe("database configuration", () => {
  const cwd = "/srv/atelier";
  it("defaults to the embedded database in ./data", () => {
    expect(resolveDatabaseConfig(undefined, cwd)).toEqual({ kind: "pglite", dataDir: path.join(cwd, "data") });
    expect(resolveDatabaseConfig("", cwd)).toEqual({ kind: "pglite", dataDir: path.join(cwd, "data") });
    expect(resolveDatabaseConfig(EMBEDDED_PLACEHOLDER_URL, cwd)).toEqual({ kind: "pglite", dataDir: path.join(cwd, "data") });
  });
  it("takes a file: URL or a plain directory for the embedded database, and memory: for tests", () => {
    expect(resolveDatabaseConfig("file:./other", cwd)).toEqual({ kind: "pglite", dataDir: path.join(cwd, "other") });
    expect(resolveDatabaseConfig("file:///var/lib/atelier", cwd)).toEqual({ kind: "pglite", dataDir: "/var/lib/atelier" });
    expect(resolveDatabaseConfig("/tmp/db", cwd)).toEqual({ kind: "pglite", dataDir: "/tmp/db" });
    expect(resolveDatabaseConfig("memory:", cwd)).toEqual({ kind: "pglite", dataDir: null });
  });
  it("uses a PostgreSQL server for postgres:// and postgresql:// URLs", () => {
    expect(resolveDatabaseConfig("postgresql://u@db:5432/atelier", cwd)).toEqual({ kind: "postgres", url: "postgresql://u@db:5432/atelier" });
    expect(resolveDatabaseConfig("postgres://u@db/atelier", cwd).kind).toBe("postgres");
  });
});

describe("navigation by role", () => {
  const labels = (role: Parameters<typeof areasFor>[0]) => areasFor(role).map((a) => a.label);
  it("shows each role only the areas it may open", () => {
    expect(labels(null)).toEqual(["Catalog"]);
    expect(labels("CUSTOMER")).toEqual(["Catalog", "My orders", "Saved designs", "Addresses"]);
    expect(labels("STAFF")).toEqual(["Catalog", "My orders", "Saved designs", "Addresses", "Production"]);
    expect(labels("ADMIN")).toEqual(["Catalog", "My orders", "Saved designs", "Addresses", "Production", "Admin"]);
  });
});

describe("return address after signing in", () => {
  it("keeps same-site paths and drops anything that could leave the site", () => {
    // More hostile cases in callback-url.test.ts.
    expect(safeCallbackUrl("/orders?x=1")).toBe("/orders?x=1");
    expect(safeCallbackUrl("https://evil.example/")).toBe("/");
    expect(safeCallbackUrl("//evil.example/")).toBe("/");
    expect(safeCallbackUrl("/\\evil.example")).toBe("/");
    expect(safeCallbackUrl("/\t/evil.example/phish")).toBe("/");
    expect(safeCallbackUrl(undefined)).toBe("/");
  });
});
