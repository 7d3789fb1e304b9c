import { TROUBLESHOOTING } from "@wc/workday";
import { screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { connected, toSummary } from "../../testing/fixtures";
import { api } from "../../testing/handlers";
import { renderApp } from "../../testing/render-app";
import { server } from "../../testing/server";

const healthy = connected({ id: "c1", name: "Acme sandbox", lastSuccessAt: "2026-11-22T08:30:00.000Z" });
const slow = connected({ id: "c2", name: "Acme production", environment: "production", status: "degraded", reasonCode: "token_endpoint_unavailable" });
const refreshed = connected({ id: "c3", name: "Globex sandbox", status: "relink_needed", reasonCode: "invalid_grant" });

function rowOf(name: string) {
  const row = screen.getByRole("link", { name }).closest("tr");
  if (!row) throw new Error(`no row for ${name}`);
  return row;
}

const cellUnder = (row: HTMLElement, column: string) => {
  const headers = screen.getAllByRole("columnheader").map((h) => h.textContent);
  const cell = within(row).getAllByRole("cell")[headers.indexOf(column)];
  if (!cell) throw new Error(`no ${column} cell`);
  return cell;
};

describe("App Connectors list: health", () => {
  it("when connectors load, then Reason shows the troubleshooting title (empty when connected) and Last successful check its time", async () => {
    server.use(api.connectors({ connectors: [healthy, slow, refreshed].map(toSummary) }));
    renderApp("/connectors");
    await screen.findByRole("link", { name: "Acme sandbox" });
    expect(screen.getAllByRole("columnheader").map((h) => h.textContent)).toEqual(expect.arrayContaining(["Status", "Reason", "Last successful check"]));
    expect(cellUnder(rowOf("Acme sandbox"), "Reason").textContent).toBe("");
    expect(cellUnder(rowOf("Acme production"), "Reason").textContent).toBe(TROUBLESHOOTING.token_endpoint_unavailable.title);
    expect(cellUnder(rowOf("Globex sandbox"), "Reason").textContent).toBe(TROUBLESHOOTING.invalid_grant.title);
    expect(cellUnder(rowOf("Acme sandbox"), "Last successful check").querySelector("time")?.getAttribute("datetime")).toBe("2026-11-22T08:30:00.000Z");
    expect(cellUnder(rowOf("Acme production"), "Last successful check").textContent).toBe("Never succeeded");
    expect(within(rowOf("Globex sandbox")).getByText("Reconnect needed")).toBeDefined();
  });

  it("when a connector is a sandbox or an implementation tenant, then a badge with that name sits next to its name", async () => {
    const sandbox = connected({ id: "c4", name: "Acme preview", tenant: "acme_sandbox" });
    server.use(api.connectors({ connectors: [healthy, slow, sandbox].map(toSummary) }));
    renderApp("/connectors");
    await screen.findByRole("link", { name: "Acme sandbox" });
    const nameCell = (name: string) => screen.getByRole("link", { name }).closest("td");
    expect(nameCell("Acme sandbox")?.textContent).toBe("Acme sandboxImplementation");
    expect(nameCell("Acme preview")?.textContent).toBe("Acme previewSandbox");
    expect(nameCell("Acme production")?.textContent).toBe("Acme production");
  });
});
