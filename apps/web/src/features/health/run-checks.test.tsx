import { routes, type Connector } from "@wc/contracts";
import { TROUBLESHOOTING } from "@wc/workday";
import { screen, within } from "@testing-library/react";
import { http, HttpResponse } from "msw";
import { describe, expect, it } from "vitest";
import { connected, makeCheck, PASSED_CHECKS } from "../../testing/fixtures";
import { api } from "../../testing/handlers";
import { checksStream, liveChecksStream } from "../../testing/ndjson";
import { renderApp } from "../../testing/render-app";
import { server } from "../../testing/server";

const checksTable = () => screen.getByRole("table", { name: "Checks" });
const statusSection = () => screen.getByRole("region", { name: "Status" });
const runButton = () => screen.getByRole("button", { name: "Run checks now" });

function rowOf(title: string) {
  const row = within(checksTable()).getByRole("rowheader", { name: title }).closest("tr");
  if (!row) throw new Error(`no row for ${title}`);
  return row;
}

/** Serves the connector, re-read on every GET, and counts the reads. */
function serve(initial: Connector) {
  const state = { connector: initial, reads: 0 };
  server.use(
    http.get(routes.connector(initial.id), () => {
      state.reads++;
      return HttpResponse.json({ connector: state.connector, timeline: [] });
    }),
  );
  return state;
}

describe("connector page: Run checks now", () => {
  it("when the checks stream in, then each row updates as its line arrives, and the re-read connector's status shows at the end", async () => {
    const state = serve(connected({ lastChecks: PASSED_CHECKS, lastCheckAt: "2026-11-21T10:05:00.000Z" }));
    const live = liveChecksStream("c1");
    server.use(live.handler);
    const { user } = renderApp("/connectors/c1");
    await user.click(await screen.findByRole("button", { name: "Run checks now" }));

    expect(await within(rowOf("Access token")).findByText("Checking…")).toBeDefined();
    expect(runButton().hasAttribute("disabled")).toBe(true);
    live.send({ type: "check", check: makeCheck("token") });
    expect(await within(rowOf("Access token")).findByText("Passed")).toBeDefined();
    expect(within(rowOf("Workers")).getByText("Checking…")).toBeDefined();

    const workers = makeCheck("workers", { ok: false, reasonCode: "invalid_client", detail: "HTTP 403" });
    live.send({ type: "check", check: makeCheck("rest_api") });
    live.send({ type: "check", check: workers });
    expect(await within(rowOf("Workers")).findByText("Failed")).toBeDefined();
    expect(within(rowOf("Workers")).getByText(TROUBLESHOOTING.invalid_client.title)).toBeDefined();
    expect(within(rowOf("User activity logging")).getByText("Checking…")).toBeDefined();
    expect(within(statusSection()).getByText("Connected")).toBeDefined();

    const readsBefore = state.reads;
    const lastChecks = [makeCheck("token"), makeCheck("rest_api"), workers, makeCheck("activity_logging")];
    state.connector = connected({ status: "action_required", reasonCode: "invalid_client", lastChecks });
    live.send({ type: "check", check: makeCheck("activity_logging") });
    live.send({ type: "done", connector: state.connector });
    live.end();

    expect(await within(statusSection()).findByText("Action required in Workday")).toBeDefined();
    expect(state.reads).toBe(readsBefore + 1);
    expect(runButton().hasAttribute("disabled")).toBe(false);
    expect(within(rowOf("User activity logging")).getByText("Passed")).toBeDefined();
    expect(within(rowOf("Workers")).getByText("Failed")).toBeDefined();
    // The result is also said beside the button, in its polite live region.
    expect(within(runButton().parentElement ?? document.body).getByRole("status").textContent).toBe(
      "Checks finished: 3 of 4 passed. Status: Action required in Workday.",
    );
  });

  it("when the stream ends with an error line, then its message shows and the button is enabled again", async () => {
    serve(connected());
    server.use(
      checksStream("c1", [
        { type: "check", check: makeCheck("token") },
        { type: "error", message: "The checks could not finish: the store is unavailable." },
      ]),
    );
    const { user } = renderApp("/connectors/c1");
    await user.click(await screen.findByRole("button", { name: "Run checks now" }));
    expect(await screen.findByText("The checks could not finish: the store is unavailable.")).toBeDefined();
    expect(runButton().hasAttribute("disabled")).toBe(false);
  });

  it("when the BFF refuses to run them, then its message and request id show", async () => {
    serve(connected());
    server.use(api.error("post", routes.connectorChecks("c1"), 409, { code: "conflict", message: "A check run is already in progress.", requestId: "req-8" }));
    const { user } = renderApp("/connectors/c1");
    await user.click(await screen.findByRole("button", { name: "Run checks now" }));
    expect(await screen.findByText("A check run is already in progress.")).toBeDefined();
    expect(screen.getByText("Request ID: req-8")).toBeDefined();
  });
});
