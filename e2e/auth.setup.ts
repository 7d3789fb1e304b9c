import { test as setup } from "@playwright/test";
import { E2E } from "../playwright.config";
import { E2E_ADMIN, signIn } from "./support";

// Signs in once as the run's first admin (ADMIN_EMAIL/ADMIN_PASSWORD) and keeps the session for the journeys.
setup("sign in as the admin", async ({ page }) => {
  await signIn(page, E2E_ADMIN.email, E2E_ADMIN.password);
  await page.context().storageState({ path: E2E.adminState });
});
