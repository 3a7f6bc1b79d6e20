import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

export type AxeScope = {
  /** A selector left out of the analysis, e.g. "header" (the layout's header, checked by a11y.spec.ts). */
  exclude?: string;
  /** Every violation, whatever its impact (default: serious and critical only). */
  allImpacts?: boolean;
};

/**
 * axe's violations on the page as it is now, one line each ("rule-id: selectors"). axe runs inside the page
 * (legacy mode) unless the page has frames: the default runs each frame apart and then opens a second, blank
 * page to merge the results, about a second more per analysis, which the suite pays some fifty times per run.
 */
export async function axeViolations(page: Page, scope: AxeScope = {}): Promise<string[]> {
  const builder = new AxeBuilder({ page }).setLegacyMode(page.frames().length === 1);
  if (scope.exclude) builder.exclude(scope.exclude);
  const results = await builder.analyze();
  return results.violations
    .filter((v) => scope.allImpacts || v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id}${scope.allImpacts ? ` (${v.impact})` : ""}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

/** No serious or critical axe violation on the page (outside `scope.exclude`). */
export async function expectNoSeriousAxeViolations(page: Page, scope: AxeScope = {}): Promise<void> {
  expect(await axeViolations(page, scope)).toEqual([]);
}
