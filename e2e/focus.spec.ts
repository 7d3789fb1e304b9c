import { expect, test } from "@playwright/test";
import { startWizard, tickAllAndNext, unique } from "./support";

test.describe("focus and page titles", () => {
  test("when the wizard moves to a step, then focus is on that step's heading and the page title names the step", async ({ page }) => {
    await startWizard(page, unique("Focus"));
    const heading = page.locator("#step-heading");
    await expect(heading).toHaveText("Prerequisites");
    await expect(heading).toBeFocused();
    await expect(page).toHaveTitle("Step 2 of 7 – Prerequisites · workday-connect");
    await tickAllAndNext(page);
    await expect(heading).toHaveText("Tenant setup");
    await expect(heading).toBeFocused();
    await expect(page).toHaveTitle("Step 3 of 7 – Tenant setup · workday-connect");
  });

  test("when Tab is the first key pressed, then a skip link takes focus past the navigation to the page", async ({ page }) => {
    await page.goto("/connectors");
    await expect(page).toHaveTitle("App Connectors · workday-connect");
    await page.keyboard.press("Tab");
    const skip = page.getByRole("link", { name: "Skip to main content" });
    await expect(skip).toBeFocused();
    await expect(skip).toBeInViewport();
    await page.keyboard.press("Enter");
    await expect(page.locator("main#main")).toBeFocused();
    await page.goto("/notifications");
    await expect(page).toHaveTitle("Notifications · workday-connect");
  });
});
