import { NOTIFICATION_EVENT_LABELS, pages, STATUS_LABELS, type ConnectorStatus, type WebhookFormat } from "@wc/contracts";
import type { OutboxEvent } from "./notification-store";

export interface Message {
  subject: string;
  /** One or two plain sentences. */
  text: string;
  /** The connector page (or the Notifications page for a test). */
  link: string;
}

interface EventConnector {
  id: string;
  name: string;
  tenant: string | null;
}

const str = (v: unknown): string => (typeof v === "string" ? v : "");
const statusLabel = (v: unknown) => STATUS_LABELS[v as ConnectorStatus] ?? str(v);

/** The channel a limit notice or summary is about (its name, as it was then). */
function channelNameIn(e: OutboxEvent): string {
  const c = e.data.channel;
  return typeof c === "object" && c !== null ? str((c as { name?: unknown }).name) : "";
}

function connectorIn(e: OutboxEvent): EventConnector | null {
  const c = e.data.connector;
  return typeof c === "object" && c !== null ? (c as EventConnector) : null;
}

/** Words people read (email, Slack, Teams); the standard webhook body carries the same facts as JSON. */
export function messageFor(e: OutboxEvent, publicUrl: string): Message {
  const c = connectorIn(e);
  const name = c ? `${c.name}${c.tenant ? ` (${c.tenant})` : ""}` : "";
  const link = c ? `${publicUrl}${pages.connector(c.id)}` : `${publicUrl}${pages.notifications}`;
  switch (e.type) {
    case "connector.status_changed": {
      const to = statusLabel(e.data.to);
      if (e.data.recovered === true)
        return { subject: `Recovered: ${name} is connected again`, text: `${name} is connected again (it was ${statusLabel(e.data.from)}).`, link };
      const title = str(e.data.title);
      return {
        subject: `${to}: ${name}`,
        text: `${name} changed from ${statusLabel(e.data.from)} to ${to}.${title ? ` ${title}.` : ""} Open the connector page for what to do.`,
        link,
      };
    }
    case "connector.sandbox_refresh_due":
      return {
        subject: `Sandbox refresh coming: ${name}`,
        text: `Workday refreshes the sandbox behind ${name} at ${str(e.data.refreshAt)}. The refresh ends the consent: expect to reconnect afterwards.`,
        link,
      };
    case "activity.stalled":
      return { subject: `Activity stalled: ${name}`, text: `No activity from ${name} has been stored since ${str(e.data.lastActivityAt)}.`, link };
    case "consent.completed":
      return { subject: `Connected: ${name}`, text: `Consent for ${name} was completed by ${str(e.data.grantedBy)}.`, link };
    case "activity.alert": {
      const alertLink = `${publicUrl}${pages.alert(str(e.data.alertId))}`;
      const rows = typeof e.data.rowCount === "number" ? e.data.rowCount : 1;
      return {
        subject: `${str(e.data.severity).toUpperCase()} alert: ${str(e.data.policyName)} (${name})`,
        text: `${str(e.data.policyName)} matched ${rows} activity row${rows === 1 ? "" : "s"} by ${str(e.data.account)} in ${name}, from ${str(e.data.firstRowAt)}.`,
        link: alertLink,
      };
    }
    case "activity.alert_limit_reached": {
      const limit = typeof e.data.limit === "number" ? e.data.limit : 0;
      return {
        subject: `Alert limit reached: ${channelNameIn(e)}`,
        text: `This channel takes at most ${limit} alert message${limit === 1 ? "" : "s"} an hour, and more alerts came: the next ones are not sent here until the hour has room again. Every alert is on the Alerts page.`,
        link: `${publicUrl}${pages.alerts}`,
      };
    }
    case "activity.alert_limit_summary": {
      const n = typeof e.data.heldBack === "number" ? e.data.heldBack : 0;
      const limit = typeof e.data.limit === "number" ? `its limit of ${e.data.limit} an hour` : "its hourly limit (lifted since)";
      const alerts = `${n} alert${n === 1 ? "" : "s"}`;
      return {
        subject: `Alert limit: ${alerts} not sent to ${channelNameIn(e)}`,
        text: `From ${str(e.data.from)} to ${str(e.data.to)}, ${alerts} ${n === 1 ? "was" : "were"} not sent to this channel because of ${limit}. Alerts are sent here again as the hour has room. Every alert is on the Alerts page.`,
        link: `${publicUrl}${pages.alerts}`,
      };
    }
    case "notification.test":
      return {
        subject: "workday-connect test notification",
        text: `This is a test from workday-connect, sent by ${str(e.data.sentBy)}. This channel works.`,
        link,
      };
  }
}

/** The JSON body a webhook receives, in the chosen format. */
export function webhookBody(e: OutboxEvent, format: WebhookFormat, publicUrl: string): string {
  const m = messageFor(e, publicUrl);
  if (format === "slack") return JSON.stringify({ text: `*${slackText(m.subject)}*\n${slackText(m.text)}\n<${m.link}|Open in workday-connect>` });
  if (format === "teams") {
    return JSON.stringify({
      "@type": "MessageCard",
      "@context": "https://schema.org/extensions",
      summary: m.subject,
      title: m.subject,
      text: m.text,
      potentialAction: [{ "@type": "OpenUri", name: "Open in workday-connect", targets: [{ os: "default", uri: m.link }] }],
    });
  }
  return JSON.stringify({ type: e.type, timestamp: e.createdAt, data: { ...e.data, url: m.link, label: NOTIFICATION_EVENT_LABELS[e.type] } });
}

/** Slack reads <…> as links and mentions (<!channel>): a connector's name must not ping anyone. */
const slackText = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

export function emailBodies(e: OutboxEvent, publicUrl: string): { subject: string; text: string; html: string } {
  const m = messageFor(e, publicUrl);
  return {
    subject: m.subject,
    text: `${m.text}\n\n${m.link}\n`,
    html: `<p>${escapeHtml(m.text)}</p><p><a href="${escapeHtml(m.link)}">Open in workday-connect</a></p>`,
  };
}
