import { describe, expect, it } from "vitest";
import { parseDefinition } from "@/lib/configurator";
import { carDefinition } from "./fixtures";

// The schema's issues in an admin's words, at the path of the field they concern.

const raw = () => JSON.parse(JSON.stringify(carDefinition())) as Record<string, any>;
const issuesOf = (input: unknown) => {
  const result = parseDefinition(input);
  if (result.ok) throw new Error("expected the definition to be rejected");
  return result.issues.map(({ path, message }) => ({ path, message }));
};

describe("friendly definition messages", () => {
  it("names the option and its group for a negative or fractional price", () => {
    const input = raw();
    input.groups[0].label = "Wood";
    input.groups[0].options[0].label = "Oak";
    input.groups[0].options[0].priceCents = -5;
    input.groups[0].options[1].priceCents = 12.5;
    const issues = issuesOf(input);
    expect(issues).toContainEqual({ path: "groups.0.options.0.priceCents", message: "Option 'Oak' in group 'Wood': price must be a whole number of cents ≥ 0" });
    expect(issues).toContainEqual({ path: "groups.0.options.1.priceCents", message: expect.stringMatching(/^Option '.+' in group 'Wood': price must be a whole number of cents ≥ 0$/) });
  });

  it("says an empty number box is missing a number, and an empty label cannot be empty", () => {
    const input = raw();
    input.groups[0].label = "Wood";
    input.groups[0].options[0].leadDays = null;
    input.groups[0].label = "   ";
    const issues = issuesOf(input);
    expect(issues).toContainEqual({ path: "groups.0.label", message: `Group '${input.groups[0].id}': label cannot be empty` });
    expect(issues.find((i) => i.path === "groups.0.options.0.leadDays")?.message).toMatch(/: lead days must be a number$/);
  });

  it("words limits on lists, text length and unknown fields, and names the rule", () => {
    const input = raw();
    input.groups[0].options = [];
    input.rules[0].message = "m".repeat(301);
    input.rules[0].colour = "red";
    input.basePriceCents = -1;
    input.groups[1].options = Array.from({ length: 201 }, (_, i) => ({ id: `o${i}`, label: `O${i}`, priceCents: 0, leadDays: 0, productionHours: 0 }));
    const issues = issuesOf(input);
    expect(issues).toContainEqual({ path: "groups.0.options", message: "Group 'Trim': needs at least 1 option" });
    expect(issues).toContainEqual({ path: "rules.0.message", message: `Rule '${input.rules[0].id}': message can be at most 300 characters` });
    expect(issues).toContainEqual({ path: "rules.0", message: `Rule '${input.rules[0].id}': has an unknown field: colour` });
    expect(issues).toContainEqual({ path: "groups.1.options", message: `Group '${input.groups[1].label}': can have at most 200 options` });
    expect(issues).toContainEqual({ path: "basePriceCents", message: "Base price must be a whole number of cents ≥ 0" });
  });

  it("keeps the messages written for admins (references, ids) as they are", () => {
    const input = raw();
    input.rules[1].when = { selected: { group: "packages", option: "velvet" } };
    input.groups[0].id = "Bad Id";
    const issues = issuesOf(input);
    expect(issues).toContainEqual({ path: "rules.1.when.selected.option", message: "Unknown option 'velvet' in group 'packages'" });
    expect(issues).toContainEqual({ path: "groups.0.id", message: expect.stringMatching(/^Use 1-64 lowercase letters/) });
    expect(issues.every((i) => !/Too small|Too big|Invalid input|expected number/.test(i.message))).toBe(true);
  });

  it("names the wrong type of a group among the allowed ones", () => {
    const input = raw();
    input.groups[0].type = "slider";
    expect(issuesOf(input)).toContainEqual({ path: "groups.0.type", message: expect.stringMatching(/type must be one of: single, multi, number, text$/) });
  });
});
