import { expect, test } from "@playwright/test";
import { storageStateFor } from "./accounts";
import { openEditor } from "./support/editor";

// Finding 9, bodies over the limit: the draft editor checks the size the server accepts (2 MB of JSON, inside
// the 3 MB request limit) when JSON is pasted, before the form takes it, and says so where the admin works.

test.use({ storageState: storageStateFor("admin") });

test("a draft definition over 2 MB is refused in the editor with a message, and one just under it is sent", async ({ page }) => {
  test.setTimeout(180_000);
  await page.goto("/admin/products/new");
  const name = `Huge table ${Date.now().toString(36)}`;
  await page.getByRole("main").getByLabel("Name").fill(name);
  await page.getByRole("main").getByLabel("Slug").fill(`huge-table-${Date.now().toString(36)}`);
  await page.getByRole("button", { name: "Create product" }).click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  await openEditor(page);

  const applyJson = async (padding: number) => {
    const details = page.getByRole("main").getByText("Advanced: edit JSON");
    if (!(await page.locator("#definition-json").isVisible())) await details.click();
    const json = page.locator("#definition-json");
    const current = JSON.parse(await json.inputValue()) as Record<string, unknown>;
    // An admin's long texts: a description of `padding` characters on the definition.
    await json.fill(JSON.stringify({ ...current, notes: "n".repeat(padding) }));
    await page.getByRole("button", { name: "Apply JSON to the form" }).click();
  };

  const actionCalls: number[] = [];
  page.on("response", (response) => {
    if (response.request().method() === "POST" && response.request().headers()["next-action"]) actionCalls.push(response.status());
  });

  // The schema refuses the extra field, but size comes first: the paste never reaches the form, nothing is sent.
  await applyJson(2_000_001);
  await expect(page.locator("#definition-json-error")).toContainText("of JSON; at most 2 MB can be saved. Remove some options or rules. Nothing was applied.");
  await expect(page.getByText("Unsaved changes")).toHaveCount(0);
  expect(actionCalls).toEqual([]);

  // Just under the limit the request goes out and the server answers it (its schema's verdict, not a 413 or a 500).
  await applyJson(1_990_000);
  const answered = page.waitForResponse((response) => response.request().method() === "POST" && Boolean(response.request().headers()["next-action"]));
  await page.getByRole("button", { name: "Save draft" }).click();
  expect((await answered).status()).toBe(200);
  await expect(page.getByRole("main").getByText("The definition is too large to save", { exact: false })).toHaveCount(0);
  console.log(`draft editor: over the limit sent nothing, just under it answered ${actionCalls.join(", ")}`);
});
