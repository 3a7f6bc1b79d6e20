import { expect, test, type Browser, type Page } from "@playwright/test";
import { storageStateFor } from "./accounts";
import { createAccount } from "./support/sign-up-flow";
import { openEditor } from "./support/editor";

const ADMIN_PAGES = ["/admin", "/admin/products", "/admin/products/new", "/admin/users", "/admin/settings", "/admin/audit"];

/** Fills one field of the definition editor by its path in the definition (e.g. groups.0.options.1.id). */
const field = (page: Page, path: string) => page.locator(`#f-${path.replace(/\./g, "-")}`);
/** Types an id and leaves the box: the editor applies an id (and carries its references) when the admin leaves it. */
async function fillId(page: Page, path: string, value: string) {
  await field(page, path).fill(value);
  await field(page, path).press("Tab");
}

async function createProduct(page: Page, name: string, slug: string) {
  await page.goto("/admin/products/new");
  await page.getByRole("main").getByLabel("Name").fill(name);
  await page.getByRole("main").getByLabel("Slug").fill(slug);
  await page.getByRole("main").getByLabel("Summary").fill("A desk built to your size.");
  await page.getByRole("button", { name: "Create product" }).click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  await openEditor(page);
  return page.url();
}

async function saveAndPublish(page: Page, note: string) {
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page.getByRole("main").getByText(/Draft v\d+ saved/)).toBeVisible();
  const ack = page.getByRole("main").getByLabel(/publish anyway/);
  if (await ack.isVisible()) await ack.check();
  await page.getByRole("main").getByLabel("Release note (optional)").fill(note);
  await page.getByRole("button", { name: "Publish draft" }).click();
  await expect(page.getByRole("main").getByText(/Version \d+ is published/)).toBeVisible();
}

async function newPage(browser: Browser, role: "admin" | "staff" | "customer") {
  const context = await browser.newContext({ storageState: storageStateFor(role) });
  return { context, page: await context.newPage() };
}

test.describe("non-admins", () => {
  for (const role of ["staff", "customer"] as const) {
    test(`${role} gets the forbidden page for every admin page and a 403 from the CSV export`, async ({ browser }) => {
      const { context, page } = await newPage(browser, role);
      for (const path of ADMIN_PAGES) {
        await page.goto(path);
        await expect(page.getByRole("heading", { name: "You don't have access to this page" })).toBeVisible();
      }
      const csv = await page.request.get("/admin/orders.csv");
      expect(csv.status()).toBe(403);
      await context.close();
    });
  }
});

test.describe("admin", () => {
  test.use({ storageState: storageStateFor("admin") });

  test("builds a product from scratch, previews and publishes it; a customer orders it; a republished price leaves the order alone", async ({ page, browser }) => {
    test.setTimeout(180_000);
    const slug = `studio-desk-${Date.now().toString(36)}`;
    const editorUrl = await createProduct(page, "Studio desk", slug);

    await page.getByRole("main").getByLabel("Base price (EUR)").fill("400");
    // Wood: one of two, walnut costs more.
    await page.getByRole("button", { name: "Add single-choice group" }).click();
    await fillId(page, "groups.0.id", "wood");
    await field(page, "groups.0.label").fill("Wood");
    await fillId(page, "groups.0.options.0.id", "oak");
    await field(page, "groups.0.options.0.label").fill("Oak");
    await page.getByRole("button", { name: "Add option to Wood" }).click();
    await fillId(page, "groups.0.options.1.id", "walnut");
    await field(page, "groups.0.options.1.label").fill("Walnut");
    await field(page, "groups.0.options.1.priceCents").fill("150");
    await field(page, "groups.0.default").selectOption("oak");
    // Extras: several of.
    await page.getByRole("button", { name: "Add multiple-choice group" }).click();
    await fillId(page, "groups.1.id", "extras");
    await field(page, "groups.1.label").fill("Extras");
    await fillId(page, "groups.1.options.0.id", "drawer");
    await field(page, "groups.1.options.0.label").fill("Drawer");
    await field(page, "groups.1.options.0.priceCents").fill("90");
    await page.getByRole("button", { name: "Add option to Extras" }).click();
    await fillId(page, "groups.1.options.1.id", "tray");
    await field(page, "groups.1.options.1.label").fill("Cable tray");
    await field(page, "groups.1.options.1.priceCents").fill("40");
    // Width: a number priced per cm.
    await page.getByRole("button", { name: "Add number group" }).click();
    await fillId(page, "groups.2.id", "width");
    await field(page, "groups.2.label").fill("Width");
    await field(page, "groups.2.min").fill("100");
    await field(page, "groups.2.max").fill("200");
    await field(page, "groups.2.step").fill("10");
    await field(page, "groups.2.default").fill("120");
    await field(page, "groups.2.priceCentsPerUnit").fill("2");

    // A field error from the engine's schema shows at the field.
    await fillId(page, "groups.0.options.1.id", "Walnut!");
    await expect(page.locator("#f-groups-0-options-1-id-error")).toContainText("lowercase");
    await fillId(page, "groups.0.options.1.id", "walnut");
    await expect(page.locator("#f-groups-0-options-1-id-error")).toHaveCount(0);

    // Rules: walnut requires the drawer; the drawer excludes the cable tray.
    await page.getByRole("main").getByLabel("New rule kind").selectOption("requires");
    await page.getByRole("button", { name: "Add rule" }).click();
    await fillId(page, "rules.0.id", "walnut-needs-drawer");
    await field(page, "rules.0.message").fill("Walnut desks come with the drawer");
    await field(page, "rules.0.when.selected.group").selectOption("wood");
    await field(page, "rules.0.when.selected.option").selectOption("walnut");
    await field(page, "rules.0.then.selected.group").selectOption("extras");
    await field(page, "rules.0.then.selected.option").selectOption("drawer");
    await page.getByRole("main").getByLabel("New rule kind").selectOption("excludes");
    await page.getByRole("button", { name: "Add rule" }).click();
    await fillId(page, "rules.1.id", "drawer-or-tray");
    await field(page, "rules.1.message").fill("The drawer and the cable tray cannot be combined");
    await field(page, "rules.1.when.selected.group").selectOption("extras");
    await field(page, "rules.1.when.selected.option").selectOption("drawer");
    await field(page, "rules.1.then.selected.group").selectOption("extras");
    await field(page, "rules.1.then.selected.option").selectOption("tray");
    // Routing: a finishing operation in the paint shop after the starter one; walnut's oiling hours go to it.
    await page.getByRole("button", { name: "Add operation" }).click();
    await fillId(page, "routing.1.id", "finishing");
    await field(page, "routing.1.label").fill("Finishing");
    await field(page, "routing.1.workCentre").selectOption("paint");
    await field(page, "routing.1.hours").fill("0.5");
    await field(page, "groups.0.options.1.productionHours").fill("2");
    await field(page, "groups.0.options.1.operation").selectOption("finishing");
    // Moving it first and back: the buttons reorder the operations.
    await page.getByRole("button", { name: "Move operation Finishing up" }).click();
    await expect(field(page, "routing.0.id")).toHaveValue("finishing");
    await page.getByRole("button", { name: "Move operation Finishing down" }).click();
    await expect(field(page, "routing.1.id")).toHaveValue("finishing");
    await expect(page.getByRole("main").getByText("Valid", { exact: true })).toBeVisible();

    await page.getByRole("button", { name: "Save draft" }).click();
    await expect(page.getByRole("main").getByText("Draft v1 saved.")).toBeVisible();
    await page.getByRole("link", { name: "Preview draft" }).click();
    await expect(page.getByRole("note").filter({ hasText: "Preview" })).toBeVisible();
    await expect(page.getByRole("main").getByText("Walnut").first()).toBeVisible();
    await page.goto(editorUrl);
    await openEditor(page);
    await saveAndPublish(page, "First release");

    // The customer configures and orders it.
    const { context, page: customer } = await newPage(browser, "customer");
    await customer.goto(`/products/${slug}`);
    await expect(customer.getByRole("heading", { level: 1, name: "Studio desk" })).toBeVisible();
    // Walnut needs the drawer: choosing it would add the drawer, and the option says so.
    await expect(customer.getByRole("radio", { name: /Walnut/ })).toBeEnabled();
    await expect(customer.getByText("Adds Extras: Drawer").first()).toBeVisible();
    await customer.getByRole("checkbox", { name: /Drawer/ }).check();
    await expect(customer.getByText("The drawer and the cable tray cannot be combined").first()).toBeVisible();
    await customer.getByRole("radio", { name: /Walnut/ }).check();
    await customer.getByRole("link", { name: "Order", exact: true }).click();
    await expect(customer.getByRole("heading", { name: /Review and order: Studio desk/ })).toBeVisible();
    const total = (await customer.getByTestId("order-total").textContent()) ?? "";
    expect(total).toContain("880.00"); // 400 + 150 walnut + 90 drawer + 120 cm x 2
    await customer.getByLabel("Street and number").fill("1 Workshop Lane");
    await customer.getByLabel("Postal code").fill("1012 AB");
    await customer.getByLabel("City").fill("Amsterdam");
    await customer.getByLabel("Country").selectOption("NL");
    await customer.getByRole("button", { name: /^Place order/ }).click();
    const number = (await customer.getByTestId("order-number").textContent()) ?? "";
    expect(number).toMatch(/^AT-\d{4}-\d{6}$/);
    // The order's operations follow the routing: finishing in the paint shop, with walnut's hours.
    await page.goto(`/staff/orders/${number}`);
    await expect(page.getByTestId("operations").getByRole("listitem").nth(1)).toContainText("Finishing at Paint shop: 2.5 h");

    // The admin raises the base price and republishes: the catalog changes, the order does not.
    await page.goto(editorUrl);
    await openEditor(page);
    await page.getByRole("main").getByLabel("Base price (EUR)").fill("500");
    await saveAndPublish(page, "Price rise");
    await expect(page.getByRole("table", { name: "Versions" }).getByRole("row").filter({ hasText: "First release" })).toContainText("Published");
    await customer.goto(`/orders/${number}`);
    await expect(customer.getByText(total).first()).toBeVisible();
    await customer.goto(`/products/${slug}`);
    await expect(customer.getByText("€740.00").first()).toBeVisible(); // 500 + 120 cm x 2, the new price
    await context.close();

    await page.goto("/admin/audit?entity=ProductVersion");
    await expect(page.getByRole("cell", { name: /Published Studio desk v2: Price rise/ })).toBeVisible();
  });

  test("a rule set that makes a required group impossible cannot be published, and says why", async ({ page }) => {
    await createProduct(page, "Broken shelf", `broken-shelf-${Date.now().toString(36)}`);
    await page.getByRole("button", { name: "Add single-choice group" }).click();
    await fillId(page, "groups.0.id", "board");
    await page.getByRole("button", { name: "Add number group" }).click();
    await fillId(page, "groups.1.id", "length");
    await page.getByRole("main").getByLabel("New rule kind").selectOption("visibleWhen");
    await page.getByRole("button", { name: "Add rule" }).click();
    await field(page, "rules.0.target.group").selectOption("board");
    await field(page, "rules.0.message").fill("Boards only for very long shelves");
    await field(page, "rules.0.when.kind").selectOption("compare");
    await field(page, "rules.0.when.compare.group").selectOption("length");
    await field(page, "rules.0.when.compare.value").fill("1000");
    await page.getByRole("button", { name: "Save draft" }).click();
    await expect(page.getByRole("main").getByText("Draft v1 saved.")).toBeVisible();
    await expect(page.getByRole("heading", { name: /error\(s\) block publishing/ })).toBeVisible();
    // The root cause first (the rule that hides the only board), what follows from it folded under it.
    await expect(page.getByRole("main").getByText(/"Option 1" can never be chosen \(rule "rule-1": Boards only for very long shelves\)/)).toBeVisible();
    await page.getByText("1 more finding follows from this one").click();
    await expect(page.getByRole("main").getByText("is required but only 0 of its options can ever be chosen")).toBeVisible();
    await expect(page.getByRole("main").getByText(/Rule rule-1/).first()).toBeVisible();
    await expect(page.getByRole("button", { name: "Publish draft" })).toBeDisabled();
  });

  test("uploads a product image, refusing a file that is not one", async ({ page }) => {
    await createProduct(page, "Pixel lamp", `pixel-lamp-${Date.now().toString(36)}`);
    await page.getByRole("main").getByText("Product details").click();
    const upload = page.getByRole("main").getByLabel("Or upload an image");
    await upload.setInputFiles({ name: "lamp.png", mimeType: "image/png", buffer: Buffer.from("<svg/>") });
    await page.getByRole("button", { name: "Save details" }).click();
    await expect(page.getByRole("main").getByText("Upload a PNG, JPEG or WebP image.")).toBeVisible();
    const png = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==";
    await upload.setInputFiles({ name: "lamp.png", mimeType: "image/png", buffer: Buffer.from(png, "base64") });
    await page.getByRole("button", { name: "Save details" }).click();
    await expect(page.getByRole("main").getByText("Product details saved.")).toBeVisible();
    await page.reload();
    await page.getByRole("main").getByText("Product details").click();
    await expect(page.getByRole("main").getByText("Uploaded image in use")).toBeVisible();
    await expect(page.getByRole("img", { name: "Current product image" })).toHaveAttribute("src", /^data:image\/png;base64,/);
  });

  test("searches users, and cannot demote or deactivate themselves; a deactivated user's session stops working", async ({ page, browser, baseURL }) => {
    const email = `temp-${Date.now()}@example.com`;
    const visitor = await browser.newContext();
    const temp = await visitor.newPage();
    // Sign up (the emailed link creates the account, then the login page has the email filled in).
    await createAccount(temp, baseURL!, { name: "Tess Temp", email, password: "a-good-password-42" });
    await temp.getByLabel("Password").fill("a-good-password-42");
    await temp.getByRole("button", { name: "Sign in" }).click();
    await temp.waitForURL((url) => !url.pathname.startsWith("/login"));
    await expect(temp.getByTestId("signed-in-as")).toContainText("Tess Temp");

    await page.goto("/admin/users?q=admin%40atelier");
    const me = page.getByRole("row").filter({ hasText: "admin@atelier.test" });
    await expect(me).toContainText("(you)");
    await expect(me.getByRole("button")).toHaveCount(0);

    await page.goto(`/admin/users?q=${encodeURIComponent(email)}`);
    await page.getByRole("button", { name: `Deactivate ${email}` }).click();
    await expect(page.getByRole("main").getByText(`${email} is deactivated.`)).toBeVisible();
    await temp.goto("/orders");
    await expect(temp).toHaveURL(/\/login/);
    await visitor.close();
  });

  test("saves settings", async ({ page }) => {
    await page.goto("/admin/settings");
    await page.getByRole("main").getByLabel("Shipping days").fill("-1");
    await page.getByRole("button", { name: "Save settings" }).click();
    await expect(page.getByRole("main").getByText("Use 0 or more days")).toBeVisible();
    await page.getByRole("main").getByLabel("Shipping days").fill("5");
    await page.getByRole("button", { name: "Save settings" }).click();
    await expect(page.getByRole("main").getByText("Settings saved.")).toBeVisible();
  });
});
