import { describe, expect, it } from "vitest";
import { nextSpan, nounFor, plural } from "@/lib/plural";

describe("counted nouns", () => {
  it("uses the singular for exactly one and the plural otherwise", () => {
    expect(plural(1, "order")).toBe("1 order");
    expect(plural(0, "order")).toBe("0 orders");
    expect(plural(2, "matching order")).toBe("2 matching orders");
    expect(plural(1, "matching order")).toBe("1 matching order");
    expect(plural(1204, "order")).toBe("1,204 orders");
    expect(plural(3, "day")).toBe("3 days");
  });

  it("takes an irregular plural", () => {
    expect(plural(2, "entry", "entries")).toBe("2 entries");
    expect(plural(1, "entry", "entries")).toBe("1 entry");
    expect(nounFor(1, "column")).toBe("column");
    expect(nounFor(5, "column")).toBe("columns");
  });

  it("says 'next week' for one and 'next 3 weeks' for more", () => {
    expect(nextSpan(1, "week")).toBe("next week");
    expect(nextSpan(3, "week")).toBe("next 3 weeks");
  });
});
