import { TROUBLESHOOTING } from "@wc/workday";
import { act, screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { fakeConnectorApi } from "../../testing/fake-connector-api";
import { connected, makeCheck } from "../../testing/fixtures";
import { recorder } from "../../testing/handlers";
import { checksStream, liveChecksStream } from "../../testing/ndjson";
import { renderApp } from "../../testing/render-app";
import { server } from "../../testing/server";

const DONE_URL = "/connectors/c1/setup?step=done";
const verifying = () => screen.getByRole("list", { name: "Verifying the connection" });
const lineOf = (title: string) => {
  const line = within(verifying()).getByText(title).closest("li");
  if (!line) throw new Error(`no line for ${title}`);
  return line;
};

const openDone = async (options: { strict?: boolean } = {}) => {
  fakeConnectorApi(connected({ wizardStep: "done", prerequisites: { system_auditing: true, worker_public_reports: true }, tenantSetup: {} }));
  const view = renderApp(DONE_URL, options);
  await screen.findByRole("heading", { name: "Workday was successfully connected" });
  return view;
};

describe("wizard: Done verifies the connection", () => {
  it("when Done opens, then the checks run once and each line shows as it completes, then the final status", async () => {
    const live = liveChecksStream("c1");
    server.use(live.handler);
    await openDone();
    expect(screen.getByRole("heading", { name: "Verifying the connection" })).toBeDefined();
    expect(await screen.findByText("Checking…")).toBeDefined();
    expect(within(verifying()).queryAllByRole("listitem")).toHaveLength(0);

    live.send({ type: "check", check: makeCheck("token") });
    expect(await within(verifying()).findByText("Access token")).toBeDefined();
    expect(lineOf("Access token").textContent).toContain("Access token: Passed");
    expect(within(lineOf("Access token")).getByText("OAuth 2.0 Clients Enabled: verified")).toBeDefined();
    expect(within(verifying()).queryByText("Workers")).toBeNull();

    live.send({ type: "check", check: makeCheck("rest_api") });
    live.send({ type: "check", check: makeCheck("workers") });
    live.send({ type: "check", check: makeCheck("activity_logging") });
    live.send({ type: "done", connector: connected({ lastChecks: [] }) });
    live.end();
    const status = await screen.findByText(/^Status after the checks:/);
    expect(status.textContent).toBe("Status after the checks: Connected");
    expect(
      within(verifying())
        .getAllByRole("listitem")
        .filter((li) => li.classList.contains("check-line")),
    ).toHaveLength(4);
    expect(within(lineOf("User activity logging")).getByText("System Auditing: verified")).toBeDefined();
    expect(screen.queryByText(/ticked by the admin/)).toBeNull();
  });

  it("when a check fails, then its line shows Failed with the troubleshooting title and steps, and the final status says what is needed", async () => {
    const entry = TROUBLESHOOTING.invalid_client;
    server.use(
      checksStream("c1", [
        { type: "check", check: makeCheck("token", { ok: false, reasonCode: "invalid_client", detail: "HTTP 401 invalid_client" }) },
        { type: "check", check: makeCheck("rest_api", { ok: false, skipped: true, detail: "Not run: no access token." }) },
        { type: "check", check: makeCheck("workers", { ok: false, skipped: true, detail: "Not run: no access token." }) },
        { type: "done", connector: connected({ status: "action_required", reasonCode: "invalid_client" }) },
      ]),
    );
    await openDone();
    const status = await screen.findByText(/^Status after the checks:/);
    expect(status.textContent).toBe("Status after the checks: Action required in Workday");
    const token = lineOf("Access token");
    expect(token.textContent).toContain("Access token: Failed");
    expect(within(token).getByText(entry.title)).toBeDefined();
    for (const step of entry.steps) expect(within(token).getByText(step)).toBeDefined();
    expect(within(token).getByText("Workday's answer: HTTP 401 invalid_client")).toBeDefined();
    expect(within(token).getByText("OAuth 2.0 Clients Enabled: not verified")).toBeDefined();
    expect(lineOf("Workers").textContent).toContain("Workers: Skipped");
    expect(within(lineOf("Workers")).getByText(/Public Worker Reports: ticked by the admin, not checked yet/)).toBeDefined();
  });

  it("when the page re-renders, then the checks do not run again; Run checks again repeats them", async () => {
    const { calls, record } = recorder();
    server.use(
      checksStream(
        "c1",
        [
          { type: "check", check: makeCheck("token") },
          { type: "done", connector: connected() },
        ],
        record,
      ),
    );
    const { router, user } = await openDone();
    await screen.findByText(/^Status after the checks:/);
    await act(() => router.revalidate());
    await act(() => router.revalidate());
    expect(calls).toHaveLength(1);
    await user.click(screen.getByRole("button", { name: "Run checks again" }));
    await screen.findByText(/^Status after the checks:/);
    expect(calls).toHaveLength(2);
    expect(within(verifying()).getAllByText("Access token")).toHaveLength(1);
  });

  it("when StrictMode runs effects twice (as in dev), then the checks still run once", async () => {
    const { calls, record } = recorder();
    server.use(
      checksStream(
        "c1",
        [
          { type: "check", check: makeCheck("token") },
          { type: "done", connector: connected() },
        ],
        record,
      ),
    );
    await openDone({ strict: true });
    expect((await screen.findByText(/^Status after the checks:/)).textContent).toBe("Status after the checks: Connected");
    expect(calls).toHaveLength(1);
  });
});
