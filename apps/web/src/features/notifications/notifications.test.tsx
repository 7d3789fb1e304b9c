import { CSRF_HEADER, NOTIFICATION_EVENT_LABELS, routes, SUBSCRIBABLE_EVENTS } from "@wc/contracts";
import { screen, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { fakeNotificationsApi } from "../../testing/fake-notifications-api";
import { connected, makeChannel, makeEmailChannel, toSummary } from "../../testing/fixtures";
import { api } from "../../testing/handlers";
import { renderApp } from "../../testing/render-app";
import { storedText } from "../../testing/stored-text";
import { server } from "../../testing/server";

const CONNECTORS = [toSummary(connected({ id: "c1", name: "Acme sandbox" })), toSummary(connected({ id: "c2", name: "Globex production" }))];
const SECRET_HEADING = "Signing secret — copy it now; it is not shown again";

async function openNotifications() {
  const view = renderApp("/notifications");
  await screen.findByRole("heading", { name: "Notifications", level: 1 });
  return view;
}

const region = (name: string) => screen.getByRole("region", { name });
const rowOf = (name: string) => {
  const row = screen.getByRole("link", { name }).closest("tr");
  if (!row) throw new Error(`no row for ${name}`);
  return row;
};

describe("Notifications page", () => {
  it("when channels load, then each shows name, kind, target, events, connectors, enabled and the last attempt", async () => {
    fakeNotificationsApi({
      connectors: CONNECTORS,
      channels: [
        makeChannel({ format: "slack", lastAttempt: { at: "2026-11-29T10:00:05.000Z", outcome: "gave_up", answer: "HTTP 500" } }),
        makeEmailChannel({ enabled: false, events: ["activity.stalled", "consent.completed"] }),
      ],
    });
    await openNotifications();
    expect(screen.getAllByRole("columnheader").map((h) => h.textContent)).toEqual([
      "Name",
      "Kind",
      "Target",
      "Events",
      "Connectors",
      "Enabled",
      "Last attempt",
    ]);
    const cells = (name: string) => within(rowOf(name)).getAllByRole("cell");
    const webhook = cells("On-call webhook");
    expect(webhook.slice(0, 6).map((c) => c.textContent)).toEqual([
      "On-call webhook",
      "Webhook (Slack)",
      "https://hooks.example.com/…nect",
      NOTIFICATION_EVENT_LABELS["connector.status_changed"],
      "All",
      "Yes",
    ]);
    expect(webhook[6]?.textContent).toMatch(/^Gave up .* · HTTP 500$/);
    const email = cells("HR systems team").map((c) => c.textContent);
    expect(email.slice(1, 6)).toEqual([
      "Email",
      "hr-it@example.com, ops@example.com",
      `${NOTIFICATION_EVENT_LABELS["activity.stalled"]}${NOTIFICATION_EVENT_LABELS["consent.completed"]}`,
      "Acme sandbox",
      "No",
    ]);
    expect(email[6]).toBe("No deliveries yet");
    expect(screen.getByRole("link", { name: "HR systems team" }).getAttribute("href")).toBe("/notifications/ch2");
  });

  it("when there are no channels, then the page says so and the top bar links to it", async () => {
    fakeNotificationsApi();
    await openNotifications();
    expect(screen.getByText(/^No channels yet\. Nobody is told/)).toBeDefined();
    expect(
      within(screen.getByRole("navigation", { name: "Main" }))
        .getByRole("link", { name: "Notifications" })
        .getAttribute("href"),
    ).toBe("/notifications");
  });

  it("when the Add webhook form is shown, then it has Name, URL, Format, the events and the connectors", async () => {
    fakeNotificationsApi({ connectors: CONNECTORS });
    const { user } = await openNotifications();
    const form = region("Add webhook");
    expect(within(form).getByRole("textbox", { name: "Name" })).toBeDefined();
    expect(within(form).getByRole("textbox", { name: /^URL/ })).toBeDefined();
    const format = within(form).getByRole("combobox", { name: "Format" });
    expect(
      within(format)
        .getAllByRole("option")
        .map((o) => o.textContent),
    ).toEqual(["Standard Webhooks", "Slack", "Microsoft Teams"]);
    const events = within(form).getByRole("group", { name: "Events" });
    expect(
      within(events)
        .getAllByRole("checkbox")
        .map((c) => c.parentElement?.textContent),
    ).toEqual(SUBSCRIBABLE_EVENTS.map((e) => NOTIFICATION_EVENT_LABELS[e]));
    const scope = within(form).getByRole("group", { name: "Connectors" });
    expect(within(scope).getByRole<HTMLInputElement>("radio", { name: "All connectors" }).checked).toBe(true);
    expect(within(scope).queryByRole("checkbox", { name: "Acme sandbox" })).toBeNull();
    await user.click(within(scope).getByRole("radio", { name: "Chosen connectors" }));
    expect(within(scope).getByRole("checkbox", { name: "Acme sandbox" })).toBeDefined();
    expect(within(region("Add email")).getByRole("textbox", { name: /^Recipients/ })).toBeDefined();
  });

  it("when a webhook channel is added, then it is sent with the CSRF header, listed, and its signing secret shown once with focus on it", async () => {
    const { calls } = fakeNotificationsApi({ connectors: CONNECTORS });
    const { user } = await openNotifications();
    const form = region("Add webhook");
    await user.type(within(form).getByRole("textbox", { name: "Name" }), "Slack #hr-alerts");
    await user.type(within(form).getByRole("textbox", { name: /^URL/ }), "https://hooks.slack.com/services/T0/B0/x");
    await user.selectOptions(within(form).getByRole("combobox", { name: "Format" }), "Slack");
    await user.click(within(form).getByRole("checkbox", { name: NOTIFICATION_EVENT_LABELS["activity.stalled"] }));
    await user.click(within(form).getByRole("radio", { name: "Chosen connectors" }));
    await user.click(within(form).getByRole("checkbox", { name: "Globex production" }));
    await user.click(within(form).getByRole("button", { name: "Add webhook" }));

    const box = await screen.findByRole("region", { name: SECRET_HEADING });
    expect(within(box).getByText("whsec_created1")).toBeDefined();
    expect(within(box).getByText("Added the webhook channel Slack #hr-alerts.")).toBeDefined();
    expect(within(box).getByRole("button", { name: "Copy signing secret" })).toBeDefined();
    // Focus moves in an effect and the list comes from the loader's re-read: both may land a tick after the box.
    await vi.waitFor(() => expect(document.activeElement).toBe(box));
    await vi.waitFor(() => expect(rowOf("Slack #hr-alerts")).toBeDefined());
    expect(calls.map((c) => [c.method, new URL(c.url).pathname, c.headers.get(CSRF_HEADER)])).toEqual([["POST", routes.notificationChannels, "1"]]);
    expect(calls[0]?.body).toEqual({
      kind: "webhook",
      name: "Slack #hr-alerts",
      url: "https://hooks.slack.com/services/T0/B0/x",
      format: "slack",
      events: ["connector.status_changed", "activity.stalled"],
      connectorIds: ["c2"],
      alertMinSeverity: "low",
      alertHourlyLimit: null,
      enabled: true,
    });
    await vi.waitFor(() => expect(within(form).getByRole<HTMLInputElement>("textbox", { name: "Name" }).value).toBe(""));
  });

  it("when the page is left after adding a webhook, then the signing secret is gone and was never stored in the browser", async () => {
    fakeNotificationsApi();
    const { user, router } = await openNotifications();
    const form = region("Add webhook");
    await user.type(within(form).getByRole("textbox", { name: "Name" }), "On-call");
    await user.type(within(form).getByRole("textbox", { name: /^URL/ }), "https://hooks.example.com/a");
    await user.click(within(form).getByRole("button", { name: "Add webhook" }));
    await screen.findByRole("region", { name: SECRET_HEADING });
    expect(storedText()).not.toContain("whsec_created1");
    expect(`${router.state.location.pathname}${router.state.location.search}${router.state.location.hash}`).not.toContain("whsec");

    await user.click(screen.getByRole("link", { name: "On-call" }));
    await screen.findByRole("heading", { name: "On-call", level: 1 });
    expect(screen.queryByText("whsec_created1")).toBeNull();
    await user.click(screen.getByRole("link", { name: "Back to Notifications" }));
    await screen.findByRole("link", { name: "On-call" });
    expect(screen.queryByRole("region", { name: SECRET_HEADING })).toBeNull();
    expect(screen.queryByText("whsec_created1")).toBeNull();
    expect(storedText()).not.toContain("whsec_created1");
    expect(JSON.stringify(router.state.location.state ?? null)).not.toContain("whsec");
  });

  it("when an email channel is added, then the recipients are split by line and comma, and no secret box shows", async () => {
    const { calls } = fakeNotificationsApi({ connectors: CONNECTORS });
    const { user } = await openNotifications();
    const form = region("Add email");
    await user.type(within(form).getByRole("textbox", { name: "Name" }), "HR systems");
    await user.type(within(form).getByRole("textbox", { name: /^Recipients/ }), "HR-IT@example.com, ops@example.com{Enter}ops@example.com");
    await user.click(within(form).getByRole("button", { name: "Add email" }));
    const note = await screen.findByText("Added the email channel HR systems.");
    expect(document.activeElement).toBe(note);
    expect(screen.queryByRole("region", { name: SECRET_HEADING })).toBeNull();
    expect(calls[0]?.body).toMatchObject({ kind: "email", recipients: ["hr-it@example.com", "ops@example.com"], connectorIds: null, alertMinSeverity: "low" });
  });

  it("when a channel takes alerts of at least High, then the request says so and the list shows it beside the alert event", async () => {
    const { calls } = fakeNotificationsApi({ connectors: CONNECTORS });
    const { user } = await openNotifications();
    const form = region("Add email");
    await user.type(within(form).getByRole("textbox", { name: "Name" }), "Pager");
    await user.type(within(form).getByRole("textbox", { name: /^Recipients/ }), "oncall@example.com");
    const events = within(form).getByRole("group", { name: "Events" });
    await user.click(within(events).getByRole("checkbox", { name: NOTIFICATION_EVENT_LABELS["activity.alert"] }));
    const floor = within(form).getByRole("combobox", { name: /^Alerts of at least/ });
    expect(
      within(floor)
        .getAllByRole("option")
        .map((o) => o.textContent),
    ).toEqual(["Low (every alert)", "Medium", "High"]);
    await user.selectOptions(floor, "High");
    await user.click(within(form).getByRole("button", { name: "Add email" }));
    await screen.findByText("Added the email channel Pager.");
    expect(calls[0]?.body).toMatchObject({ events: ["connector.status_changed", "activity.alert"], alertMinSeverity: "high" });
    expect(
      within(rowOf("Pager"))
        .getAllByRole("listitem")
        .map((li) => li.textContent),
    ).toEqual([NOTIFICATION_EVENT_LABELS["connector.status_changed"], `${NOTIFICATION_EVENT_LABELS["activity.alert"]} (High and above)`]);
  });

  it("when a channel takes at most 1,000 alerts an hour, then the request says 1000; a limit that is not a number is refused on its field and nothing is sent", async () => {
    const { calls } = fakeNotificationsApi({ connectors: CONNECTORS });
    const { user } = await openNotifications();
    const form = region("Add email");
    await user.type(within(form).getByRole("textbox", { name: "Name" }), "Mailing list");
    await user.type(within(form).getByRole("textbox", { name: /^Recipients/ }), "soc@example.com");
    const limit = within(form).getByRole("textbox", { name: /^Alert messages an hour, at most/ });
    await user.type(limit, "ten");
    await user.click(within(form).getByRole("button", { name: "Add email" }));
    expect((await within(form).findByRole("alert")).textContent).toBe(
      "Enter the most alert messages an hour as a whole number, or leave it empty for no limit.",
    );
    expect(document.activeElement).toBe(limit);
    expect(calls).toEqual([]);
    await user.clear(limit);
    await user.type(limit, "1,000");
    await user.click(within(form).getByRole("button", { name: "Add email" }));
    await screen.findByText("Added the email channel Mailing list.");
    expect(calls[0]?.body).toMatchObject({ alertHourlyLimit: 1000 });
  });

  it("when Add webhook is pressed without a URL, then the URL field asks for it and nothing is sent", async () => {
    const { calls } = fakeNotificationsApi();
    const { user } = await openNotifications();
    const form = region("Add webhook");
    await user.type(within(form).getByRole("textbox", { name: "Name" }), "On-call");
    await user.click(within(form).getByRole("button", { name: "Add webhook" }));
    expect((await within(form).findByRole("alert")).textContent).toBe("Enter the URL the console should POST to.");
    expect(calls).toHaveLength(0);
  });

  it("when the URL is not a URL, then the URL field says so, takes the focus, and nothing is sent", async () => {
    const { calls } = fakeNotificationsApi();
    const { user } = await openNotifications();
    const form = region("Add webhook");
    await user.type(within(form).getByRole("textbox", { name: "Name" }), "On-call");
    const url = within(form).getByRole("textbox", { name: /^URL/ });
    await user.type(url, "hooks.example.com/a");
    await user.click(within(form).getByRole("button", { name: "Add webhook" }));
    expect((await within(form).findByRole("alert")).textContent).toBe("Enter a full URL, like https://hooks.example.com/workday-connect.");
    expect(url.getAttribute("aria-invalid")).toBe("true");
    expect(document.activeElement).toBe(url);
    expect(within(form).getByRole<HTMLInputElement>("textbox", { name: "Name" }).value).toBe("On-call");
    expect(calls).toHaveLength(0);
  });

  it("when no event is chosen or an address is wrong, then the Events group and the Recipients field say which, and nothing is sent", async () => {
    const { calls } = fakeNotificationsApi();
    const { user } = await openNotifications();
    const form = region("Add email");
    await user.type(within(form).getByRole("textbox", { name: "Name" }), "HR");
    await user.type(within(form).getByRole("textbox", { name: /^Recipients/ }), "hr@example.com, not-an-address");
    await user.click(within(form).getByRole("checkbox", { name: NOTIFICATION_EVENT_LABELS["connector.status_changed"] }));
    await user.click(within(form).getByRole("button", { name: "Add email" }));
    const alerts = await within(form).findAllByRole("alert");
    expect(alerts.map((a) => a.textContent)).toEqual(["not-an-address: Enter an email address like name@example.com.", "Choose at least one event."]);
    expect(calls).toHaveLength(0);
  });

  it("when the BFF refuses a field, then its message shows on that field and the other form is untouched", async () => {
    fakeNotificationsApi();
    server.use(
      api.error("post", routes.notificationChannels, 400, {
        code: "validation_failed",
        message: "Some fields need fixing.",
        fields: { url: "http:// is only allowed for hosts in NOTIFY_ALLOWED_HOSTS." },
      }),
    );
    const { user } = await openNotifications();
    const form = region("Add webhook");
    await user.type(within(form).getByRole("textbox", { name: "Name" }), "Local");
    await user.type(within(form).getByRole("textbox", { name: /^URL/ }), "http://intranet.example/hook");
    await user.click(within(form).getByRole("button", { name: "Add webhook" }));
    expect((await within(form).findByRole("alert")).textContent).toBe("http:// is only allowed for hosts in NOTIFY_ALLOWED_HOSTS.");
    expect(within(region("Add email")).queryByRole("alert")).toBeNull();
    expect(screen.queryByRole("region", { name: SECRET_HEADING })).toBeNull();
  });

  it("when the BFF refuses one recipient by its index, then the Recipients field names that address", async () => {
    fakeNotificationsApi();
    server.use(
      api.error("post", routes.notificationChannels, 400, {
        code: "validation_failed",
        message: "Some fields need fixing.",
        fields: { "recipients.1": "This domain does not accept mail." },
      }),
    );
    const { user } = await openNotifications();
    const form = region("Add email");
    await user.type(within(form).getByRole("textbox", { name: "Name" }), "HR");
    await user.type(within(form).getByRole("textbox", { name: /^Recipients/ }), "hr@example.com; ops@example.invalid");
    await user.click(within(form).getByRole("button", { name: "Add email" }));
    expect((await within(form).findByRole("alert")).textContent).toBe("ops@example.invalid: This domain does not accept mail.");
  });

  it("when the BFF refuses without naming a field, then its message shows above the form", async () => {
    fakeNotificationsApi();
    server.use(api.error("post", routes.notificationChannels, 409, { code: "conflict", message: "A channel with this name exists.", requestId: "req-7" }));
    const { user } = await openNotifications();
    const form = region("Add email");
    await user.type(within(form).getByRole("textbox", { name: "Name" }), "HR");
    await user.type(within(form).getByRole("textbox", { name: /^Recipients/ }), "hr@example.com");
    await user.click(within(form).getByRole("button", { name: "Add email" }));
    expect((await within(form).findByRole("alert")).textContent).toBe("A channel with this name exists.Request ID: req-7");
  });

  it("when support staff open Notifications, then they read the channels but get no form or button", async () => {
    server.use(api.session("support"));
    fakeNotificationsApi({ channels: [makeChannel({ lastAttempt: { at: "2026-11-29T10:00:05.000Z", outcome: "delivered", answer: "HTTP 200" } })] });
    await openNotifications();
    expect(rowOf("On-call webhook")).toBeDefined();
    expect(screen.getAllByRole("button").map((b) => b.textContent)).toEqual(["Menu", "Sign out"]);
    expect(screen.queryByRole("textbox")).toBeNull();
    expect(screen.queryByRole("region", { name: "Add webhook" })).toBeNull();
    expect(screen.getByText("Only admins can add or change channels.")).toBeDefined();
    expect(within(screen.getByRole("navigation", { name: "Main" })).getByRole("link", { name: "Notifications" })).toBeDefined();
  });
});
