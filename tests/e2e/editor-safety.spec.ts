import { expect, test, type Page } from "@playwright/test";
import { encodeSelection } from "../../lib/configurator/share/share-codec";
import { accounts, storageStateFor } from "./accounts";
import { checkoutFor, placedNumber } from "./support/checkout-action";
import { httpRequest, loopback, signInOverHttp } from "./support/http-client";
import { openEditor } from "./support/editor";

// Issue 21 (items 5 and 7): the product editor never silently drops options or breaks rules, refuses what it
// cannot draw, and an admin's text pattern cannot stall the server (patterns run on RE2, linear time).

test.use({ storageState: storageStateFor("admin") });

const HOSTILE_PATTERN = "([A-Za-z]+ ?)*";
const option = (id: string, label: string) => ({ id, label, priceCents: 0, leadDays: 0, productionHours: 0 });
const stamp = () => `${Date.now().toString(36)}${Math.floor(Math.random() * 1000)}`;

function baseDefinition(groups: unknown[], rules: unknown[] = []) {
  return { basePriceCents: 50_000, baseLeadDays: 5, routing: [{ id: "make", label: "Make", workCentre: "assembly", hours: 1 }], premiumPercent: 0, groups, rules };
}

// The engraving costs nothing, so a checkout read for the standard configuration expects the same total as one with text.
const woodAndEngraving = (pattern?: string) =>
  baseDefinition(
    [
      { id: "wood", label: "Wood", type: "single", required: true, default: "oak", options: [option("oak", "Oak"), option("ash", "Ash"), option("elm", "Elm"), option("beech", "Beech")] },
      { id: "engraving", label: "Engraving", type: "text", required: false, maxLength: 1000, priceCents: 0, ...(pattern ? { pattern, patternMessage: "Use letters and single spaces" } : {}) },
    ],
    [{ id: "oak-engraved", kind: "requires", when: { selected: { group: "wood", option: "oak" } }, then: { filled: { group: "engraving" } }, message: "Oak comes engraved" }],
  );

async function createProduct(page: Page, prefix: string): Promise<string> {
  const id = stamp();
  await page.goto("/admin/products/new");
  await page.getByRole("main").getByLabel("Name").fill(`${prefix} ${id}`);
  await page.getByRole("main").getByLabel("Slug").fill(`${prefix.toLowerCase().replace(/\W+/g, "-")}-${id}`);
  await page.getByRole("button", { name: "Create product" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `${prefix} ${id}` })).toBeVisible({ timeout: 30_000 });
  await openEditor(page);
  return `${prefix.toLowerCase().replace(/\W+/g, "-")}-${id}`;
}

async function pasteJson(page: Page, json: string) {
  if (!(await page.locator("#definition-json").isVisible())) await page.getByRole("main").getByText("Advanced: edit JSON").click();
  await page.locator("#definition-json").fill(json);
  await page.getByRole("button", { name: "Apply JSON to the form" }).click();
}

async function save(page: Page, timeout = 30_000) {
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page.getByRole("main").getByText(/Draft v\d+ saved\./)).toBeVisible({ timeout });
}

test("changing a group's type asks before dropping its options; renaming a group or option updates the rule", async ({ page }) => {
  test.setTimeout(180_000);
  await createProduct(page, "Safe desk");
  await pasteJson(page, JSON.stringify(woodAndEngraving()));
  const type = page.locator("#f-groups-0-type");

  // To a number: the options would go, so the editor asks, naming them and the rule that uses one.
  await type.selectOption("number");
  const warning = page.getByRole("alert").filter({ hasText: "drops its 4 options" });
  await expect(warning).toContainText("Changing Wood to number drops its 4 options: Oak, Ash, Elm, Beech.");
  await expect(warning).toContainText("Rules that refer to them will need changing: oak-engraved.");
  await warning.scrollIntoViewIfNeeded();
  await page.screenshot({ path: test.info().outputPath("type-change-1280.png") });
  await page.setViewportSize({ width: 375, height: 800 });
  await warning.scrollIntoViewIfNeeded();
  await page.screenshot({ path: test.info().outputPath("type-change-375.png") });
  await page.setViewportSize({ width: 1280, height: 720 });
  await warning.getByRole("button", { name: "Keep the options" }).click();
  await expect(warning).toHaveCount(0);
  await expect(type).toHaveValue("single");
  await expect(page.locator("#f-groups-0-options-3-id")).toHaveValue("beech");

  // Single to multiple choice keeps every option without asking, and back.
  await type.selectOption("multi");
  await expect(page.getByRole("alert").filter({ hasText: "drops its" })).toHaveCount(0);
  await expect(page.locator("#f-groups-0-options-0-id")).toHaveValue("oak");
  await type.selectOption("single");
  await expect(page.locator("#f-groups-0-options-3-id")).toHaveValue("beech");

  // Renaming the group and an option carries the rule along, and says so.
  await page.locator("#f-groups-0-id").fill("timber");
  await page.locator("#f-groups-0-id").press("Tab");
  await expect(page.getByRole("status").filter({ hasText: "Renamed group" })).toHaveText("Renamed group 'wood' to 'timber'; updated 1 rule that refer to it: oak-engraved.");
  await expect(page.locator("#f-rules-0-when-selected-group")).toHaveValue("timber");
  await page.locator("#f-groups-0-options-0-id").fill("white-oak");
  await page.locator("#f-groups-0-options-0-id").press("Tab");
  await expect(page.locator("#f-rules-0-when-selected-option")).toHaveValue("white-oak");
  await expect(page.locator("#f-groups-0-default")).toHaveValue("white-oak");
  // An id another group has is refused at the field, and nothing is renamed.
  await page.locator("#f-groups-0-id").fill("engraving");
  await page.locator("#f-groups-0-id").press("Tab");
  await expect(page.getByText("Another group already uses the id 'engraving'.")).toBeVisible();
  await expect(page.locator("#f-groups-0-id")).toHaveValue("timber");
  await expect(page.getByText("Valid", { exact: true })).toBeVisible();
  await save(page);
  await page.reload();
  await openEditor(page);
  await expect(page.locator("#f-rules-0-when-selected-group")).toHaveValue("timber");
  await expect(page.locator("#f-rules-0-when-selected-option")).toHaveValue("white-oak");

  // Confirmed, the options go, and the rule that used one is reported in the admin's words.
  await type.selectOption("text");
  await page.getByRole("alert").getByRole("button", { name: "Drop 4 options and change the type" }).click();
  await expect(page.locator("#f-groups-0-maxLength")).toBeVisible();
  await expect(page.getByRole("main").getByText("Group 'timber' has no options").first()).toBeVisible();
  // A friendly message instead of the schema's wording, at the field.
  await page.locator("#f-groups-0-maxLength").fill("0");
  await expect(page.locator("#f-groups-0-maxLength-error")).toHaveText("Group 'Wood': max. length must be 1 or more");
});

test("a paste of 10,000 options is refused with a message; 10 groups of 200 are paged and save", async ({ page }) => {
  test.setTimeout(240_000);
  await createProduct(page, "Wide catalog");
  const huge = baseDefinition([{ id: "huge", label: "Huge", type: "single", required: true, options: Array.from({ length: 10_000 }, (_, i) => option(`o${i}`, `Option ${i}`)) }]);
  await pasteJson(page, JSON.stringify(huge));
  await expect(page.locator("#definition-json-error")).toHaveText("Group 'Huge' has 10000 options; at most 200 are allowed per group. Nothing was applied.");
  await expect(page.getByText("No groups yet.")).toBeVisible();

  const wide = baseDefinition(Array.from({ length: 10 }, (_, g) => ({ id: `g${g}`, label: `Group ${g + 1}`, type: "single", required: true, options: Array.from({ length: 200 }, (_, o) => option(`o${o}`, `Option ${g + 1}.${o + 1}`)) })));
  await pasteJson(page, JSON.stringify(wide));
  await expect(page.locator("#definition-json-error")).toHaveCount(0);
  await expect(page.getByRole("navigation", { name: "Pages of Group 1 options" })).toContainText("Options 1–25 of 200");
  await expect(page.locator('input[id^="f-groups-"][id$="-label"][id*="-options-"]')).toHaveCount(250);
  await page.getByRole("button", { name: "Next options of Group 10" }).click();
  await expect(page.locator("#f-groups-9-options-25-label")).toHaveValue("Option 10.26");
  await page.getByRole("navigation", { name: "Pages of Group 10 options" }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: test.info().outputPath("paged-options-1280.png") });
  // A wait, not a time limit: on a loaded 2-core machine the save of 2000 options can take a while.
  await save(page, 120_000);
});

test("a text pattern that backtracks exponentially neither stalls the server nor lets hostile text through", async ({ page }) => {
  test.setTimeout(120_000);
  const slug = await createProduct(page, "Engraved box");
  await pasteJson(page, JSON.stringify(woodAndEngraving(HOSTILE_PATTERN)));
  await save(page);
  const ack = page.getByRole("main").getByLabel(/publish anyway/);
  if (await ack.isVisible()) await ack.check();
  await page.getByRole("button", { name: "Publish draft" }).click();
  await expect(page.getByRole("main").getByText(/Version \d+ is published/)).toBeVisible();

  const base = test.info().project.use.baseURL!;
  const from = loopback(170);
  const customer = await signInOverHttp(base, accounts.customer.email, accounts.customer.password, { from });
  expect(customer.ok, customer.error ?? "").toBe(true);
  // 40 letters then "!": JavaScript's RegExp would try about 2^40 ways before saying no.
  const hostile = encodeSelection({ wood: "oak", engraving: `${"a".repeat(40)}!` });
  const checkout = await checkoutFor(base, customer.jar, from, slug, 1);
  const [estimates, orders, health] = await Promise.all([
    Promise.all(Array.from({ length: 3 }, () => httpRequest(`${base}/products/${slug}/order?c=${hostile}`, { jar: customer.jar, from }))),
    Promise.all(Array.from({ length: 3 }, () => checkout.submit({ configuration: hostile }))),
    Promise.all(Array.from({ length: 5 }, () => httpRequest(`${base}/api/health`, { from: loopback(171) }))),
  ]);
  console.log(`hostile pattern: estimates ${estimates.map((a) => a.status).join(",")}, orders ${orders.map((a) => a.status).join(",")}, health ${health.map((a) => a.status).join(",")}`);
  for (const answer of health) expect(answer.status).toBe(200);
  for (const answer of estimates) {
    expect(answer.status).toBe(200);
    expect(answer.body).toContain("Use letters and single spaces");
  }
  for (const answer of orders) {
    expect(answer.status).toBeLessThan(500);
    expect(placedNumber(answer.body)).toBeUndefined();
    expect(answer.body).toContain("Use letters and single spaces");
  }
  // Text the pattern allows still orders.
  const fine = await checkout.submit({ configuration: encodeSelection({ wood: "oak", engraving: "For Ada" }) });
  expect(placedNumber(fine.body)).toMatch(/^AT-/);
});
