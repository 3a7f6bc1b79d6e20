import path from "node:path";
import { describe, expect, it } from "vitest";
import { measuredSeconds, planShards, specFiles, UNMEASURED_SECONDS } from "@/scripts/e2e-shards";

const root = path.resolve(import.meta.dirname, "../..");

describe("planShards (which spec files each e2e shard runs)", () => {
  it("runs every spec file of the suite exactly once, and the shards' measured times differ by less than the longest file", () => {
    const files = specFiles(root);
    const seconds = measuredSeconds(root);
    const plan = planShards(files, seconds, 2);
    expect(plan.flat().sort()).toEqual(files);
    const totals = plan.map((shard) => shard.reduce((sum, file) => sum + (seconds[file] ?? UNMEASURED_SECONDS), 0));
    const longest = Math.max(...files.map((file) => seconds[file] ?? UNMEASURED_SECONDS));
    expect(Math.abs(totals[0]! - totals[1]!)).toBeLessThan(longest);
  });

  it("deals the longest files first, each to the shard with the least work so far", () => {
    const plan = planShards(["a.spec.ts", "b.spec.ts", "c.spec.ts", "d.spec.ts"], { "a.spec.ts": 50, "b.spec.ts": 40, "c.spec.ts": 30, "d.spec.ts": 20 }, 2);
    expect(plan).toEqual([["a.spec.ts", "d.spec.ts"], ["b.spec.ts", "c.spec.ts"]]);
  });

  it("counts a file with no measured time as UNMEASURED_SECONDS", () => {
    const plan = planShards(["new.spec.ts", "old.spec.ts"], { "old.spec.ts": UNMEASURED_SECONDS + 1 }, 2);
    expect(plan).toEqual([["old.spec.ts"], ["new.spec.ts"]]);
  });

  it("refuses a file whose path is part of another's (as a Playwright filter it would run both)", () => {
    expect(() => planShards(["staff.spec.ts", "old-staff.spec.ts"], {}, 2)).toThrow(/part of old-staff.spec.ts/);
  });
});
