import { expect, test as setup } from "@playwright/test";
import { accounts, storageStateFor, type AccountRole } from "./accounts";

// Signs in once per role through the real form and saves the session for the other tests.
for (const role of Object.keys(accounts) as AccountRole[]) {
  setup(`sign in as ${role}`, async ({ page }) => {
    const account = accounts[role];
    await page.goto("/login");
    await page.getByLabel("Email").fill(account.email);
    await page.getByLabel("Password").fill(account.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL((url) => !url.pathname.startsWith("/login"));
    await expect(page.getByTestId("signed-in-as")).toContainText(account.name);
    await page.context().storageState({ path: storageStateFor(role) });
  });
}
