import { expect, test } from "@playwright/test";
import { readFileSync } from "node:fs";
import { E2E } from "../playwright.config";
import { unique } from "./support";

test.describe("API tokens", () => {
  test("when an admin creates a support token, then a script without a cookie reads with it but cannot change anything, its use shows, and once revoked it is refused; the audit log shows both", async ({
    page,
    playwright,
  }) => {
    await page.goto("/connectors");
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "API tokens" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "API tokens" })).toBeVisible();
    await expect(page).toHaveTitle("API tokens · workday-connect");

    const name = unique("Uptime check");
    const form = page.getByRole("region", { name: "Create API token" });
    await form.getByLabel("Name", { exact: true }).fill(name);
    await form.getByLabel("Role", { exact: true }).selectOption({ label: "Support (read-only)" });
    await expect(form.getByLabel("Expires after")).toHaveValue("90");
    await form.getByRole("button", { name: "Create token" }).click();
    const box = page.getByRole("region", { name: `New API token: ${name}` });
    await expect(box.getByText("Copy the token now: it is shown only once.")).toBeVisible();
    const secret = await box.locator("code").first().innerText();
    expect(secret).toMatch(/^wct_[A-Za-z0-9_-]{43}$/);
    await expect(box.getByText(/^curl -H "Authorization: Bearer \$WORKDAY_CONNECT_TOKEN" http:\/\/\S+\/api\/connectors$/)).toBeVisible();
    await box.getByRole("button", { name: "Done" }).click();
    await expect(page.getByText(secret)).toHaveCount(0);

    // A script: no console cookie and no CSRF header, only the token.
    const script = await playwright.request.newContext({ baseURL: E2E.bffUrl, storageState: { cookies: [], origins: [] } });
    const headers = { Authorization: `Bearer ${secret}` };
    try {
      expect((await script.get("/api/connectors", { headers })).status()).toBe(200);
      const write = await script.post("/api/connectors", { headers, data: { name: "Should not exist" } });
      expect(write.status()).toBe(403);
      expect(((await write.json()) as { error: { message: string } }).error.message).toMatch(/support role/);

      await page.reload();
      const row = page.getByRole("row", { name: new RegExp(name) });
      await expect(row.getByRole("cell").nth(2)).toHaveText(`${secret.slice(0, 8)}…`);
      await expect(row.getByRole("cell").nth(5)).toHaveText(/UTC$/);
      await expect(row.getByRole("cell").nth(6)).toHaveText("Active");

      page.once("dialog", (dialog) => void dialog.accept());
      await row.getByRole("button", { name: "Revoke" }).click();
      await expect(row.getByRole("cell").nth(6)).toHaveText(/^Revoked by /);
      await expect(row.getByRole("button", { name: "Revoke" })).toHaveCount(0);
      expect((await script.get("/api/connectors", { headers })).status()).toBe(401);
    } finally {
      await script.dispose();
    }

    // Shown once: not in anything the browser keeps, nor in the server's log.
    const seen = [
      await page.content(),
      page.url(),
      await page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }) + document.cookie),
      readFileSync(E2E.bffLogFile, "utf8"),
    ].join("\n");
    expect(seen.includes(secret), "the API token leaked").toBe(false);

    const { tokens } = (await (await page.request.get("/api/api-tokens")).json()) as { tokens: { id: string; name: string }[] };
    const id = tokens.find((t) => t.name === name)?.id ?? "";
    await page.goto(`/audit?targetId=${id}`);
    await expect(page.getByRole("cell", { name: "API token created" })).toBeVisible();
    await expect(page.getByRole("cell", { name: "API token revoked" })).toBeVisible();
  });
});
