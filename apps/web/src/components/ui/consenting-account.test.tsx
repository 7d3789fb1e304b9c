import type { Connector } from "@wc/contracts";
import { CONSENTED_BY_EXPLANATIONS } from "@wc/workday";
import { screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { connected } from "../../testing/fixtures";
import { fakeConnectorApi } from "../../testing/fake-connector-api";
import { checksStream } from "../../testing/ndjson";
import { renderApp } from "../../testing/render-app";
import { server } from "../../testing/server";

const row = (term: string) => screen.getByText(term, { selector: "dt" }).parentElement?.querySelector("dd")?.textContent;
const pending: Connector["consentedBy"] = { known: false, reason: "sync_pending", explanation: CONSENTED_BY_EXPLANATIONS.sync_pending };

afterEach(() => {
  vi.useRealTimers();
});

describe("the Workday account that consented", () => {
  it("when Workday's consent row named the account, then the connector page shows it with the worker's name beside the console user", async () => {
    fakeConnectorApi(
      connected({ consentGrantedBy: "Ada Admin", consentedBy: { known: true, account: "isu_wdconnect", name: "Ivy Isu", at: "2026-11-21T09:59:58.000Z" } }),
    );
    renderApp("/connectors/c1");
    expect((await screen.findByText("Consented in Workday by", { selector: "dt" })).tagName).toBe("DT");
    expect(row("Consented in Workday by")).toMatch(/^isu_wdconnect \(Ivy Isu\) at /);
    expect(row("Consent started by")).toBe("Ada Admin");
  });

  it("when the account is unknown, then the page says so and why", async () => {
    fakeConnectorApi(connected({ consentedBy: { known: false, reason: "logging_disabled", explanation: CONSENTED_BY_EXPLANATIONS.logging_disabled } }));
    renderApp("/connectors/c1");
    await screen.findByText("Workday account that consented", { selector: "dt" });
    expect(row("Workday account that consented")).toBe("unknown — User Activity Logging is off in Workday, so Workday did not record who consented.");
  });

  it("when the Done step opens before the account is found, then it is re-read until the account shows", async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const api = fakeConnectorApi(connected({ wizardStep: "done", connectedAt: new Date().toISOString(), consentedBy: pending }));
    server.use(checksStream("c1", [{ type: "done", connector: api.state.connector }]));
    renderApp("/connectors/c1/setup?step=done");
    await screen.findByText("Workday account that consented", { selector: "dt" });
    expect(row("Workday account that consented")).toBe(`unknown — ${CONSENTED_BY_EXPLANATIONS.sync_pending}`);
    api.state.connector = { ...api.state.connector, consentedBy: { known: true, account: "isu_wdconnect", at: new Date().toISOString() } };
    await vi.advanceTimersByTimeAsync(5000);
    await screen.findByText("Consented in Workday by", { selector: "dt" });
    expect(row("Consented in Workday by")).toMatch(/^isu_wdconnect at /);
  });
});
