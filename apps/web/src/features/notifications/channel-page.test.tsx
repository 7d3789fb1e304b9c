import { CSRF_HEADER, NOTIFICATION_EVENT_LABELS, routes } from "@wc/contracts";
import { screen, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { fakeNotificationsApi } from "../../testing/fake-notifications-api";
import { connected, makeAttempt, makeChannel, makeEmailChannel, toSummary } from "../../testing/fixtures";
import { api } from "../../testing/handlers";
import { renderApp } from "../../testing/render-app";
import { server } from "../../testing/server";

const CONNECTORS = [toSummary(connected({ id: "c1", name: "Acme sandbox" }))];
const SECRET_HEADING = "Signing secret — copy it now; it is not shown again";

const RETRYING = makeAttempt({
  at: "2026-11-29T10:05:00.000Z",
  eventId: "msg_2",
  outcome: "retrying",
  attempt: 2,
  answer: "timed out after 10 s",
  nextAttemptAt: "2026-11-29T10:10:00.000Z",
});
const GAVE_UP = makeAttempt({
  at: "2026-11-29T09:00:00.000Z",
  eventId: "msg_0",
  eventType: "consent.completed",
  attempt: 5,
  outcome: "gave_up",
  answer: "HTTP 500",
});

async function openChannel(id = "ch1", name = "On-call webhook") {
  const view = renderApp(`/notifications/${id}`);
  await screen.findByRole("heading", { name, level: 1 });
  return view;
}

const log = () => screen.getByRole("region", { name: "Delivery log" });
const actions = () => screen.getByRole("region", { name: "Actions" });

describe("Notification channel page", () => {
  it("when the delivery log has attempts, then each shows time, event, attempt, outcome, answer and next try, newest first", async () => {
    fakeNotificationsApi({ channels: [makeChannel()], attempts: { ch1: [RETRYING, makeAttempt(), GAVE_UP] } });
    await openChannel();
    const table = within(log()).getByRole("table", { name: "Delivery attempts of On-call webhook, newest first" });
    expect(
      within(table)
        .getAllByRole("columnheader")
        .map((h) => h.textContent),
    ).toEqual(["Time", "Event", "Attempt", "Outcome", "Answer", "Next try"]);
    const rows = within(table)
      .getAllByRole("row")
      .slice(1)
      .map((r) =>
        within(r)
          .getAllByRole("cell")
          .map((c) => c.textContent),
      );
    const statusChanged = NOTIFICATION_EVENT_LABELS["connector.status_changed"];
    expect(rows.map((r) => r.slice(1, 5))).toEqual([
      [statusChanged, "2", "Retrying", "timed out after 10 s"],
      [statusChanged, "1", "Delivered", "HTTP 200"],
      [NOTIFICATION_EVENT_LABELS["consent.completed"], "5", "Gave up", "HTTP 500"],
    ]);
    expect(rows[0]?.[5]).not.toBe("—");
    expect(rows[1]?.[5]).toBe("—");
    expect(within(table).getAllByRole("row")[1]?.querySelector("time")?.getAttribute("dateTime")).toBe(RETRYING.at);
  });

  it("when nothing was delivered yet, then the log says so; Refresh reads it again and shows the new attempt", async () => {
    const fake = fakeNotificationsApi({ channels: [makeChannel()] });
    const { user } = await openChannel();
    expect(within(log()).getByText(/^No deliveries yet\. One is logged when/)).toBeDefined();
    const reads = fake.state.deliveryReads;
    fake.state.attempts = { ch1: [makeAttempt()] };
    await user.click(within(log()).getByRole("button", { name: "Refresh" }));
    expect(await within(log()).findByRole("cell", { name: "HTTP 200" })).toBeDefined();
    expect(fake.state.deliveryReads).toBe(reads + 1);
  });

  it("when the channel is shown, then its kind, URL hint (never the full URL), format, events, connectors and enabled state are listed", async () => {
    fakeNotificationsApi({ channels: [makeChannel({ format: "teams", connectorIds: ["c1", "gone"] })], connectors: CONNECTORS });
    await openChannel();
    const summary = screen.getByRole("region", { name: "Channel" });
    const terms = within(summary)
      .getAllByRole("term")
      .map((t) => t.textContent);
    const values = within(summary)
      .getAllByRole("definition")
      .map((d) => d.textContent);
    const shown = Object.fromEntries(terms.map((t, i) => [t, values[i]]));
    expect(shown).toMatchObject({
      Kind: "Webhook",
      URL: "https://hooks.example.com/…nect",
      Format: "Microsoft Teams",
      Events: NOTIFICATION_EVENT_LABELS["connector.status_changed"],
      Connectors: "Acme sandbox, Deleted connector gone",
      Enabled: "Yes",
    });
    // A channel that takes no alerts has no alert limit to show.
    expect(terms).not.toContain("Alerts an hour");
  });

  it("when a channel's hourly alert limit held alerts back, then the page says how many, since when, and that they are on the Alerts page", async () => {
    const channels = [makeChannel({ events: ["activity.alert"], alertHourlyLimit: 1000, alertsHeldBack: 1234, lastHeldBackAt: "2026-11-29T10:05:00.000Z" })];
    fakeNotificationsApi({ channels });
    await openChannel();
    const limit = within(screen.getByRole("region", { name: "Channel" })).getByText(/^At most/);
    expect(limit.textContent).toMatch(/^At most 1,000\. 1,234 alerts were not sent because of the limit, the last .+; they are on the Alerts page\.$/);
    expect(limit.querySelector("time")?.getAttribute("datetime")).toBe("2026-11-29T10:05:00.000Z");
  });

  it("when a channel takes alerts without a limit, then the page says No limit", async () => {
    fakeNotificationsApi({ channels: [makeChannel({ events: ["activity.alert"] })] });
    await openChannel();
    expect(within(screen.getByRole("region", { name: "Channel" })).getByText("Alerts an hour").nextElementSibling?.textContent).toBe("No limit");
  });

  it("when Send test is pressed, then a test is queued with the CSRF header, 'Test queued' shows beside the button and the log is read again", async () => {
    const fake = fakeNotificationsApi({ channels: [makeChannel()] });
    const { user } = await openChannel();
    const reads = fake.state.deliveryReads;
    await user.click(within(actions()).getByRole("button", { name: "Send test" }));
    const note = await within(actions()).findByText("Test queued");
    expect(note.closest(".actions")?.textContent).toContain("Send test");
    expect(document.activeElement).toBe(note);
    expect(await within(log()).findByRole("cell", { name: NOTIFICATION_EVENT_LABELS["notification.test"] })).toBeDefined();
    expect(fake.state.deliveryReads).toBeGreaterThan(reads);
    expect(fake.calls.map((c) => [c.method, new URL(c.url).pathname, c.headers.get(CSRF_HEADER)])).toEqual([
      ["POST", routes.notificationChannelTest("ch1"), "1"],
    ]);
  });

  it("when Disable is pressed, then the whole channel is sent back with enabled false and without a URL (the saved one stays), its alert choices kept, and the page says nothing is sent", async () => {
    const fake = fakeNotificationsApi({
      channels: [makeChannel({ connectorIds: ["c1"], alertMinSeverity: "high", alertHourlyLimit: 5 })],
      connectors: CONNECTORS,
    });
    const { user } = await openChannel();
    await user.click(within(actions()).getByRole("button", { name: "Disable" }));
    expect(await screen.findByText("On-call webhook is disabled: nothing is sent until it is enabled again.")).toBeDefined();
    expect(within(actions()).getByRole("button", { name: "Enable" })).toBeDefined();
    expect(fake.calls.map((c) => [c.method, c.body])).toEqual([
      [
        "PUT",
        {
          kind: "webhook",
          name: "On-call webhook",
          events: ["connector.status_changed"],
          connectorIds: ["c1"],
          alertMinSeverity: "high",
          alertHourlyLimit: 5,
          enabled: false,
          format: "standard",
        },
      ],
    ]);
  });

  it("when New signing secret is confirmed, then the new secret shows once in its box and is gone after leaving the page", async () => {
    const fake = fakeNotificationsApi({ channels: [makeChannel()] });
    const confirm = vi.fn(() => true);
    vi.stubGlobal("confirm", confirm);
    const { user } = await openChannel();
    await user.click(within(actions()).getByRole("button", { name: "New signing secret" }));
    expect(confirm).toHaveBeenCalledWith(expect.stringMatching(/^Replace the signing secret of "On-call webhook"\?/));
    const box = await screen.findByRole("region", { name: SECRET_HEADING });
    expect(within(box).getByText("whsec_replaced1")).toBeDefined();
    expect(document.activeElement).toBe(box);
    expect(fake.calls.map((c) => [c.method, new URL(c.url).pathname])).toEqual([["POST", routes.notificationChannelSecret("ch1")]]);
    expect(window.sessionStorage.length + window.localStorage.length).toBe(0);

    await user.click(screen.getByRole("link", { name: "Back to Notifications" }));
    await screen.findByRole("heading", { name: "Notifications", level: 1 });
    expect(screen.queryByText("whsec_replaced1")).toBeNull();
  });

  it("when New signing secret is not confirmed, then nothing is sent", async () => {
    const fake = fakeNotificationsApi({ channels: [makeChannel()] });
    vi.stubGlobal("confirm", () => false);
    const { user } = await openChannel();
    await user.click(within(actions()).getByRole("button", { name: "New signing secret" }));
    expect(fake.calls).toHaveLength(0);
    expect(screen.queryByRole("region", { name: SECRET_HEADING })).toBeNull();
  });

  it("when Delete channel is confirmed, then it is deleted and the list says so", async () => {
    const fake = fakeNotificationsApi({ channels: [makeChannel(), makeEmailChannel()] });
    vi.stubGlobal("confirm", () => true);
    const { user, router } = await openChannel();
    await user.click(within(actions()).getByRole("button", { name: "Delete channel" }));
    const note = await screen.findByText("Deleted the channel On-call webhook.");
    expect(document.activeElement).toBe(note);
    expect(router.state.location.pathname).toBe("/notifications");
    expect(screen.queryByRole("link", { name: "On-call webhook" })).toBeNull();
    expect(screen.getByRole("link", { name: "HR systems team" })).toBeDefined();
    expect(fake.calls.map((c) => [c.method, new URL(c.url).pathname, c.headers.get(CSRF_HEADER)])).toEqual([
      ["DELETE", routes.notificationChannel("ch1"), "1"],
    ]);
  });

  it("when an email channel is edited, then its kind stays, the form starts from the saved values and the change is sent", async () => {
    const fake = fakeNotificationsApi({ channels: [makeEmailChannel()], connectors: CONNECTORS });
    const { user } = await openChannel("ch2", "HR systems team");
    const form = screen.getByRole("region", { name: "Edit" });
    expect(within(form).queryByRole("textbox", { name: /^URL/ })).toBeNull();
    const recipients = within(form).getByRole<HTMLTextAreaElement>("textbox", { name: /^Recipients/ });
    expect(recipients.value).toBe("hr-it@example.com\nops@example.com");
    expect(within(form).getByRole<HTMLInputElement>("checkbox", { name: "Acme sandbox" }).checked).toBe(true);
    await user.clear(recipients);
    await user.type(recipients, "hr-it@example.com");
    await user.click(within(form).getByRole("button", { name: "Save changes" }));
    const note = await within(screen.getByRole("region", { name: "Edit" })).findByText("Saved HR systems team.");
    expect(document.activeElement).toBe(note);
    expect(fake.calls[0]?.body).toEqual({
      kind: "email",
      name: "HR systems team",
      recipients: ["hr-it@example.com"],
      events: ["connector.status_changed"],
      connectorIds: ["c1"],
      alertMinSeverity: "low",
      alertHourlyLimit: null,
      enabled: true,
    });
  });

  it("when the edit form opens, then the URL field is empty and names the saved URL's hint; saving sends no URL", async () => {
    const fake = fakeNotificationsApi({ channels: [makeChannel()] });
    const { user } = await openChannel();
    const form = screen.getByRole("region", { name: "Edit" });
    const url = within(form).getByRole<HTMLInputElement>("textbox", { name: /^URL/ });
    expect(url.value).toBe("");
    expect(form.textContent).toContain("Saved: https://hooks.example.com/…nect. Leave empty to keep it");
    await user.click(within(form).getByRole("button", { name: "Save changes" }));
    await within(screen.getByRole("region", { name: "Edit" })).findByText("Saved On-call webhook.");
    expect(fake.calls.at(-1)?.body).not.toHaveProperty("url");
  });

  it("when the edited URL is refused by the BFF, then its message shows on the URL field", async () => {
    fakeNotificationsApi({ channels: [makeChannel()] });
    server.use(
      api.error("put", routes.notificationChannel("ch1"), 400, {
        code: "validation_failed",
        message: "Some fields need fixing.",
        fields: { url: "This host is not allowed." },
      }),
    );
    const { user } = await openChannel();
    const form = screen.getByRole("region", { name: "Edit" });
    await user.click(within(form).getByRole("button", { name: "Save changes" }));
    const url = within(form).getByRole("textbox", { name: /^URL/ });
    expect((await within(form).findByRole("alert")).textContent).toBe("This host is not allowed.");
    expect(url.getAttribute("aria-invalid")).toBe("true");
  });

  it("when support staff open a channel, then they read it and its delivery log, with Refresh as their only button", async () => {
    server.use(api.session("support"));
    fakeNotificationsApi({ channels: [makeChannel()], attempts: { ch1: [makeAttempt()] } });
    await openChannel();
    expect(within(log()).getByRole("cell", { name: "HTTP 200" })).toBeDefined();
    expect(screen.getAllByRole("button").map((b) => b.textContent)).toEqual(["Menu", "Sign out", "Refresh"]);
    expect(screen.queryByRole("region", { name: "Actions" })).toBeNull();
    expect(screen.queryByRole("region", { name: "Edit" })).toBeNull();
    expect(screen.queryByRole("textbox")).toBeNull();
  });

  it("when the delivery log cannot be read, then the channel still shows with the reason", async () => {
    fakeNotificationsApi({ channels: [makeChannel()] });
    server.use(api.error("get", routes.notificationChannelDeliveries("ch1"), 500, { code: "internal", message: "Something failed.", requestId: "req-9" }));
    await openChannel();
    expect(within(log()).getByRole("alert").textContent).toBe("The delivery log could not be read. Something failed.Request ID: req-9");
    expect(screen.getByRole("region", { name: "Channel" })).toBeDefined();
  });

  it("when the channel does not exist, then the page says it was not found", async () => {
    fakeNotificationsApi();
    renderApp("/notifications/nope");
    expect(await screen.findByText("No such channel.")).toBeDefined();
  });
});
