import { describe, expect, it, vi } from "vitest";
import { processWide } from "@/lib/process-wide";

describe("processWide", () => {
  it("creates the value once and gives the same one to every caller", () => {
    const create = vi.fn(() => new Map<string, number>());
    const first = processWide("test.once", create);
    first.set("a", 1);
    expect(processWide("test.once", create)).toBe(first);
    expect(processWide("test.once", create).get("a")).toBe(1);
    expect(create).toHaveBeenCalledTimes(1);
  });

  it("is shared by a second instance of the module, as Next gives each route's bundle", async () => {
    const value = processWide("test.instances", () => ({ id: "first" }));
    vi.resetModules();
    const other = await import("@/lib/process-wide");
    expect(other.processWide).not.toBe(processWide);
    expect(other.processWide("test.instances", () => ({ id: "second" }))).toBe(value);
  });

  it("keeps values of different names apart", () => {
    expect(processWide("test.a", () => 1)).toBe(1);
    expect(processWide("test.b", () => 2)).toBe(2);
  });
});
