import { expect, test, type Page } from "@playwright/test";
import { expectNoSeriousAxeViolations } from "./support/axe";
import { storageStateFor } from "./accounts";
import { openEditor } from "./support/editor";

// Issue 21: a quiet motor that requires a power supply, and a power supply shown only with the motor. The
// motor used to be impossible to order (the power group stayed hidden until the motor was chosen, and the
// motor stayed blocked until a power supply was). Now the lint shows a configuration that reaches it, and
// choosing the motor in the shop adds the only power supply, says so, and offers to undo it.

const option = (id: string, label: string, priceCents: number) => ({ id, label, priceCents, leadDays: 0, productionHours: 0.5 });

const groups = [
  { id: "fabric", label: "Fabric", type: "single", required: true, default: "linen", options: [option("linen", "Linen", 0), option("blackout", "Blackout", 1500)] },
  { id: "motor", label: "Motor", type: "single", required: false, options: [option("quiet", "Quiet", 12000)] },
  { id: "power", label: "Power supply", type: "single", required: false, options: [option("24v", "24 V adapter", 3000)] },
];
const rules = [
  { id: "motor-needs-power", kind: "requires", when: { selected: { group: "motor", option: "quiet" } }, then: { filled: { group: "power" } }, message: "The quiet motor needs a power supply" },
  { id: "power-with-motor", kind: "visibleWhen", target: { group: "power" }, when: { selected: { group: "motor", option: "quiet" } }, message: "A power supply comes only with the motor" },
];

/** Creates a product in the admin editor with the motor and power supply rules, and publishes it; returns its slug. */
async function publishRollerBlind(page: Page): Promise<string> {
  const stamp = Date.now().toString(36);
  const name = `Roller blind ${stamp}`;
  const slug = `roller-blind-${stamp}`;
  await page.goto("/admin/products/new");
  await page.getByRole("main").getByLabel("Name").fill(name);
  await page.getByRole("main").getByLabel("Slug").fill(slug);
  await page.getByRole("main").getByLabel("Summary").fill("A roller blind, with a quiet motor if you like.");
  await page.getByRole("button", { name: "Create product" }).click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  await openEditor(page);

  if (!(await page.locator("#definition-json").isVisible())) await page.getByRole("main").getByText("Advanced: edit JSON").click();
  const json = page.locator("#definition-json");
  const current = JSON.parse(await json.inputValue()) as Record<string, unknown>;
  await json.fill(JSON.stringify({ ...current, basePriceCents: 9900, groups, rules }));
  await page.getByRole("button", { name: "Apply JSON to the form" }).click();
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page.getByRole("main").getByText(/Draft v\d+ saved/)).toBeVisible();

  // The check proves the motor reachable and shows how.
  await page.reload();
  await expect(page.getByRole("main").getByText("The saved draft passes every check: every option and range is reachable.")).toBeVisible();
  await page.getByRole("main").getByText(/Every option and range checked reachable/).click();
  await expect(page.getByRole("main").getByText(/Motor: Quiet: reachable, e\.g\. .*Motor: Quiet, Power supply: 24 V adapter/)).toBeVisible();

  await page.getByRole("main").getByLabel("Release note (optional)").fill("Roller blind with a quiet motor");
  await page.getByRole("button", { name: "Publish draft" }).click();
  await expect(page.getByRole("main").getByText(/Version \d+ is published/)).toBeVisible();
  return slug;
}

test.describe("inference in the configurator", () => {
  test.use({ storageState: storageStateFor("admin") });

  test("choosing the quiet motor adds the power supply it needs, says so, and can be undone; the order is allowed", async ({ page, browser }) => {
    test.setTimeout(180_000);
    const slug = await publishRollerBlind(page);

    const visitor = await browser.newContext();
    const shop = await visitor.newPage();
    await shop.setViewportSize({ width: 1280, height: 900 });
    await shop.goto(`/products/${slug}`);
    const quiet = shop.getByRole("radio", { name: /Quiet/ });
    await expect(quiet).toBeEnabled();
    await expect(shop.getByRole("group", { name: /Power supply/ })).toHaveCount(0);

    await quiet.click();
    const notice = shop.getByRole("status").filter({ hasText: "added because" });
    await expect(notice).toContainText("Power supply: 24 V adapter added because Motor: Quiet needs it");
    await expect(notice).toContainText("The quiet motor needs a power supply");
    await expect(quiet).toBeChecked();
    await expect(shop.getByRole("radio", { name: /24 V adapter/ })).toBeChecked();
    await expect(shop.getByRole("link", { name: "Order", exact: true }).first()).toBeVisible();
    await expect(shop.getByTestId("problems")).toHaveCount(0);
    await expectNoSeriousAxeViolations(shop, { exclude: "header" });
    await shop.screenshot({ path: `test-results/inference-1280.png`, fullPage: true });

    await notice.getByRole("button", { name: "Undo" }).click();
    await expect(quiet).not.toBeChecked();
    await expect(shop.getByRole("radio", { name: /24 V adapter/ })).toHaveCount(0);
    await expect(notice).toHaveCount(0);

    // On a phone, the same.
    await shop.setViewportSize({ width: 375, height: 800 });
    await quiet.click();
    await expect(shop.getByRole("radio", { name: /24 V adapter/ })).toBeChecked();
    await shop.getByRole("status").filter({ hasText: "added because" }).scrollIntoViewIfNeeded();
    await shop.screenshot({ path: `test-results/inference-375.png` });
    await visitor.close();
  });
});
