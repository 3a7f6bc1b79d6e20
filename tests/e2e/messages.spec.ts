import { expect, test } from "@playwright/test";
import { expectNoSeriousAxeViolations } from "./support/axe";
import { storageStateFor } from "./accounts";
import { checkoutFor, placedNumber } from "./support/checkout-action";
import { newCustomerOverHttp, useSession } from "./support/new-customer";

// Issue 22: messages on an order (customer <-> workshop, live, unread counts on the board, emailed with both
// parts and absolute links), and the order page's accessibility with a thread on it.

test("a customer writes on their order, staff see it unread on the board and reply, the customer sees the reply live; both go out by email with both parts", async ({ browser }) => {
  test.setTimeout(150_000);
  const base = test.info().project.use.baseURL!;
  // A customer of this test's own places the order (the seeded one's open workshop hours are capped, shared by every file).
  const buyer = await newCustomerOverHttp(base, 190, "Messages");
  const number = placedNumber((await (await checkoutFor(base, buyer.jar, buyer.from, "linden-sofa", 1)).submit()).body)!;
  expect(number).toMatch(/^AT-\d{4}-\d{6}$/);

  const customerContext = await browser.newContext();
  await useSession(customerContext, base, buyer.jar);
  const customer = await customerContext.newPage();
  await customer.goto(`/orders/${number}`);
  const thread = customer.getByRole("region", { name: "Messages" });
  await expect(thread).toContainText("No messages yet.");
  await expect(customer.getByTestId("live-indicator")).toHaveAttribute("data-connected", "true");

  // An empty message is refused at the field (the browser's own check first, then the server's).
  await thread.getByLabel("Message to the workshop").fill("   ");
  await thread.getByRole("button", { name: "Send message" }).click();
  await expect(thread.getByText("Write a message first.")).toBeVisible();

  const question = "Hello workshop,\nCould the legs be a shade darker? <b>not bold</b>";
  await thread.getByLabel("Message to the workshop").fill(question);
  await thread.getByRole("button", { name: "Send message" }).click();
  await expect(thread.getByRole("status")).toHaveText("Message sent.");
  const sent = thread.getByTestId("message").filter({ hasText: "Could the legs" });
  await expect(sent).toContainText("You");
  // Kept as typed: the line break and the markup as text.
  expect(await sent.getByTestId("message-body").evaluate((el) => (el as HTMLElement).innerText)).toBe(question);
  await expect(thread.getByLabel("Message to the workshop")).toHaveValue("");

  // Staff: the board shows the unread count on the card and in the waiting list.
  const staffContext = await browser.newContext({ storageState: storageStateFor("staff") });
  const staff = await staffContext.newPage();
  await staff.goto(`/staff?q=${number}`);
  const card = staff.getByTestId("order-card").filter({ hasText: number });
  await expect(card.getByTestId("unread-messages")).toHaveText(`✉ 1 unread message on ${number}`);
  await expect(staff.getByTestId("unread-summary")).toContainText(number);
  await staff.setViewportSize({ width: 1280, height: 900 });
  await staff.screenshot({ path: "/tmp/mail-board-unread-1280.png" });
  await card.getByTestId("unread-messages").click();
  await expect(staff.getByRole("heading", { name: number })).toBeVisible();
  const staffThread = staff.getByRole("region", { name: "Messages" });
  await expect(staffThread.getByTestId("message").filter({ hasText: "Could the legs" })).toContainText(`${buyer.name} (customer)`);
  await expectNoSeriousAxeViolations(staff, { exclude: "header" });

  // The reply appears on the customer's page without a reload (the order's live stream).
  await customer.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true));
  await staffThread.getByLabel("Reply to the customer").fill("Yes: smoked oak, no extra cost.\nWe start on Monday.");
  await staffThread.getByRole("button", { name: "Send message" }).click();
  await expect(staffThread.getByRole("status")).toHaveText("Message sent.");
  const reply = thread.getByTestId("message").filter({ hasText: "smoked oak" });
  await expect(reply).toBeVisible({ timeout: 10_000 });
  await expect(reply).toContainText("Sam Staff (workshop)");
  expect(await customer.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
  // Newest last.
  await expect(thread.getByTestId("message").last()).toContainText("smoked oak");

  // Read: the board no longer counts it.
  await staff.goto(`/staff?q=${number}`);
  await expect(staff.getByTestId("order-card").filter({ hasText: number })).toBeVisible();
  await expect(staff.getByTestId("order-card").filter({ hasText: number }).getByTestId("unread-messages")).toHaveCount(0);

  // The order page, with its thread, passes axe; screenshots at phone and desktop width.
  await customer.reload();
  await expect(thread.getByTestId("message")).toHaveCount(2);
  await expectNoSeriousAxeViolations(customer, { exclude: "header" });
  for (const width of [375, 1280]) {
    await customer.setViewportSize({ width, height: 900 });
    await customer.screenshot({ path: `/tmp/mail-order-messages-${width}.png`, fullPage: true });
  }

  // The outbox: every email of this order has both parts, with absolute links to the public URL.
  await staff.goto("/staff/outbox");
  const outbox = staff.getByRole("main");
  const checks: [subject: string, link: string][] = [
    [`Your order ${number} is placed`, `${base}/orders/${number}`],
    [`Order ${number}: message from ${buyer.name}`, `${base}/staff/orders/${number}`],
    [`Order ${number}: a message from the workshop`, `${base}/orders/${number}`],
  ];
  for (const [subject, link] of checks) {
    const item = outbox.getByRole("listitem").filter({ hasText: subject }).first();
    await item.getByText(subject).click();
    await expect(item.getByTestId("email-text")).toContainText(link);
    await expect(item.getByTestId("email-text")).toContainText("Total");
    const html = item.getByTestId("email-html");
    await expect(html).toBeVisible();
    expect(await html.getAttribute("srcdoc")).toContain(`href="${link}"`);
    const frame = html.contentFrame();
    await expect(frame.getByRole("link", { name: /View your order|Read and reply|Reply on the order/ })).toHaveAttribute("href", link);
  }
  await staff.setViewportSize({ width: 1280, height: 900 });
  await staff.screenshot({ path: "/tmp/mail-outbox-1280.png" });
  await customerContext.close();
  await staffContext.close();
});
