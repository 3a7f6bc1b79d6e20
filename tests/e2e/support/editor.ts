import { expect, type Page } from "@playwright/test";

/**
 * Opens the product page's definition editor: the page shows the definition read-only until the admin
 * presses "Edit definition" (the editor's JavaScript loads then), and the editor replaces the overview.
 */
export async function openEditor(page: Page): Promise<void> {
  await page.getByRole("button", { name: "Edit definition" }).click();
  await expect(page.getByRole("button", { name: "Save draft" })).toBeVisible();
}
