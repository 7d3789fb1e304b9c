import { expect, test, type Locator, type Page } from "@playwright/test";
import { E2E } from "../playwright.config";
import { ISU, registerClientInWorkday, unique } from "./support";

/** Presses Tab until `target` has focus, as a keyboard user would; fails if it never does. */
async function tabTo(page: Page, target: Locator, max = 80) {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press("Tab");
  }
  throw new Error(`Tab never reached ${target.toString()}`);
}

/** The step heading has focus and names the step; the page title says which step of seven. */
async function onStep(page: Page, heading: string, title: RegExp) {
  const h = page.locator("#step-heading");
  await expect(h).toHaveText(heading);
  await expect(h).toBeFocused();
  await expect(page).toHaveTitle(title);
}

/** Ticks every checkbox of the step with Space, reaching each with Tab. */
async function tickAllByKeyboard(page: Page) {
  const boxes = await page.locator("main").getByRole("checkbox").all();
  for (const box of boxes) {
    await tabTo(page, box);
    await page.keyboard.press("Space");
    await expect(box).toBeChecked();
  }
}

async function next(page: Page) {
  await tabTo(page, page.getByRole("button", { name: "Next" }));
  await page.keyboard.press("Enter");
}

test.describe("keyboard only", () => {
  test("when an admin sets up a connector with the keyboard alone, then each step's heading takes focus, task links point into the tenant, and it ends Connected", async ({
    page,
    context,
  }) => {
    const name = unique("Keyboard");
    await page.goto("/connectors");
    await tabTo(page, page.getByRole("button", { name: "Connect an app" }));
    await page.keyboard.press("Enter");
    await tabTo(page, page.getByRole("link", { name: "Workday", exact: true }));
    await page.keyboard.press("Enter");
    await onStep(page, "Name", /^Step 1 of 7 – Name · /);

    await tabTo(page, page.getByLabel("Name", { exact: true }));
    await page.keyboard.type(name);
    await page.keyboard.press("Tab");
    await expect(page.getByLabel("Workday address (optional)")).toBeFocused();
    await page.keyboard.type(`${E2E.simUrl}/acme/d/home.htmld`);
    await page.keyboard.press("Enter");
    await onStep(page, "Prerequisites", /^Step 2 of 7 – Prerequisites · /);
    const activate = page.getByRole("link", { name: "Activate Pending Security Policy Changes (opens Workday in a new tab)" });
    await expect(activate).toHaveAttribute("href", `${E2E.simUrl}/acme/d/search.htmld?q=Activate%20Pending%20Security%20Policy%20Changes`);

    await tickAllByKeyboard(page);
    await next(page);
    await onStep(page, "Tenant setup", /^Step 3 of 7 – Tenant setup · /);
    // The task link opens Workday's search in the tenant, whose result is the task itself.
    const [search] = await Promise.all([context.waitForEvent("page"), page.getByRole("link", { name: /Edit Tenant Setup – Security/ }).click()]);
    await search.getByRole("link", { name: "Edit Tenant Setup – Security" }).click();
    await expect(search.getByLabel("OAuth 2.0 Clients Enabled")).toBeVisible();
    await search.close();
    await tickAllByKeyboard(page);
    await next(page);
    await onStep(page, "Register API client", /^Step 4 of 7 – Register API client · /);
    const uri =
      /https?:\/\/\S+\/api\/oauth\/connect\/[0-9a-f-]{36}/.exec((await page.getByRole("row", { name: /Redirection URI/ }).textContent()) ?? "")?.[0] ?? "";
    expect(uri).not.toBe("");
    await next(page);
    await onStep(page, "Enter details", /^Step 5 of 7 – Enter details · /);

    const block = await registerClientInWorkday(context, "acme", uri);
    await tabTo(page, page.getByLabel("Paste from Workday"));
    await page.keyboard.insertText(block);
    await tabTo(page, page.getByRole("button", { name: "Fill fields" }));
    await page.keyboard.press("Enter");
    await expect(page.getByLabel("Client ID")).not.toHaveValue("");
    await next(page);
    await onStep(page, "Connect", /^Step 6 of 7 – Connect · /);

    await tabTo(page, page.getByRole("button", { name: "Connect Workday" }));
    const [wd] = await Promise.all([page.waitForEvent("popup"), page.keyboard.press("Enter")]);
    await wd.getByLabel("Username").fill(ISU.username);
    await wd.getByLabel("Password").fill(ISU.password);
    await wd.keyboard.press("Enter");
    await wd.getByRole("button", { name: "Allow", exact: true }).press("Enter");
    await onStep(page, "Workday was successfully connected", /^Step 7 of 7 – Done · /);
    await expect(page.getByText("Status after the checks:")).toContainText("Connected", { timeout: 15_000 });
  });
});
