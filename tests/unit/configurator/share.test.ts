import { describe, expect, it } from "vitest";
import { decodeSelection, encodeSelection, type Selection } from "@/lib/configurator";

describe("share links", () => {
  it("round-trips a selection through a compact, URL-safe string", () => {
    const selection: Selection = { material: "leather", width: 212.5, extras: ["bolsters", "feather-fill"], monogram: "Ça va? 😀 ÅÖ/+=" };
    const encoded = encodeSelection(selection);
    expect(encoded.startsWith("v1.")).toBe(true);
    expect(encoded).toMatch(/^v1\.[A-Za-z0-9_-]+$/);
    expect(encodeURIComponent(encoded)).toBe(encoded);
    expect(decodeSelection(encoded)).toEqual({ ok: true, selection });
  });

  it("round-trips an empty selection", () => {
    expect(decodeSelection(encodeSelection({}))).toEqual({ ok: true, selection: {} });
  });

  it("explains what is wrong with garbage, tampered or foreign input, without throwing", () => {
    const good = encodeSelection({ trim: "base" });
    const cases: [unknown, RegExp][] = [
      ["", /no configuration/],
      [undefined, /no configuration/],
      [42, /no configuration/],
      ["hello", /not a configuration link/],
      ["v2.eyJ9", /newer version/],
      ["v1.!!!", /damaged/],
      ["v1.a", /damaged/],
      [`v1.${btoa("not json").replace(/=+$/, "")}`, /damaged/],
      [`v1.${btoa('{"Bad Key": 1}').replace(/=+$/, "")}`, /not a configuration/],
      [`v1.${btoa("[1,2]")}`.replace(/=+$/, ""), /not a configuration/],
      [`v1.${btoa("\xff\xfe\xfd")}`.replace(/=+$/, ""), /damaged/],
      [good.slice(0, -3), /damaged/],
      [`v1.${"A".repeat(20_000)}`, /too long/],
    ];
    for (const [input, message] of cases) {
      const result = decodeSelection(input);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.message).toMatch(message);
    }
  });
});
