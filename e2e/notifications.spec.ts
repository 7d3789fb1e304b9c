import { expect, test } from "@playwright/test";
import { createServer, type Server } from "node:http";
import { E2E } from "../playwright.config";
import { unique } from "./support";

/** The receiver the console POSTs to; it records what arrives and answers 204. */
let server: Server;
const received: { id: string; signature: string; body: string }[] = [];

test.beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      received.push({
        id: String(req.headers["webhook-id"] ?? ""),
        signature: String(req.headers["webhook-signature"] ?? ""),
        body: Buffer.concat(chunks).toString(),
      });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(E2E.receiverPort, "127.0.0.1", resolve));
});
test.afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

test.describe("notifications", () => {
  test("when an admin adds a webhook channel and sends a test, then the receiver gets it signed and the delivery log shows it", async ({ page }) => {
    const name = unique("SOC webhook");
    await page.goto("/notifications");
    const form = page.getByRole("region", { name: "Add webhook" });
    await form.getByRole("textbox", { name: "Name" }).fill(name);
    await form.getByRole("textbox", { name: /^URL/ }).fill(`http://127.0.0.1:${E2E.receiverPort}/hook`);
    await form.getByRole("checkbox", { name: "A connector's status changed (broke, or recovered)" }).check();
    await form.getByRole("button", { name: "Add webhook" }).click();

    const secretBox = page.getByRole("region", { name: /Signing secret/ });
    await expect(secretBox).toBeVisible();
    await expect(secretBox.getByText(/^whsec_/)).toBeVisible();
    const secret = (await secretBox.getByText(/^whsec_/).textContent()) ?? "";
    // Shown once: never kept in the browser.
    expect(await page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }))).not.toContain(secret);

    await page.getByRole("link", { name }).click();
    await page.getByRole("region", { name: "Actions" }).getByRole("button", { name: "Send test" }).click();
    await expect(page.getByText("Test queued")).toBeVisible();

    const log = page.getByRole("region", { name: "Delivery log" });
    await expect(async () => {
      await log.getByRole("button", { name: "Refresh" }).click();
      await expect(log.getByRole("table")).toContainText("Delivered", { timeout: 1000 });
    }).toPass({ timeout: 15_000 });
    await expect(log.getByRole("table")).toContainText("HTTP 204");
    const got = received.find((r) => r.body.includes('"notification.test"'));
    expect(got?.id).toMatch(/^msg_/);
    expect(got?.signature).toMatch(/^v1,/);
    await expect(page.locator("body")).not.toContainText(secret);
  });

  test("when an admin adds an email channel for high-severity alerts only, at most 20 an hour, then the list and the channel's page say so and its form keeps both", async ({
    page,
  }) => {
    const name = unique("Pager");
    await page.goto("/notifications");
    const form = page.getByRole("region", { name: "Add email" });
    await form.getByRole("textbox", { name: "Name" }).fill(name);
    await form.getByRole("textbox", { name: /^Recipients/ }).fill("oncall@example.com");
    const events = form.getByRole("group", { name: "Events" });
    await events.getByRole("checkbox", { name: "A connector's status changed (broke, or recovered)" }).uncheck();
    await events.getByRole("checkbox", { name: "An activity policy raised an alert" }).check();
    await form.getByLabel(/^Alerts of at least/).selectOption({ label: "High" });
    await form.getByRole("textbox", { name: /^Alert messages an hour, at most/ }).fill("20");
    await form.getByRole("button", { name: "Add email" }).click();
    await expect(page.getByText(`Added the email channel ${name}.`)).toBeFocused();

    const row = page.getByRole("row").filter({ has: page.getByRole("link", { name, exact: true }) });
    await expect(row).toContainText("An activity policy raised an alert (High and above)");
    await row.getByRole("link", { name, exact: true }).click();
    await expect(page.getByRole("heading", { name, level: 1 })).toBeVisible();
    await expect(page.getByRole("definition").filter({ hasText: "An activity policy raised an alert (High and above)" })).toBeVisible();
    await expect(page.getByLabel(/^Alerts of at least/)).toHaveValue("high");
    await expect(page.getByRole("definition").filter({ hasText: /^At most 20$/ })).toBeVisible();
    await expect(page.getByRole("textbox", { name: /^Alert messages an hour, at most/ })).toHaveValue("20");
  });
});
