import { createTransport, type Transporter } from "nodemailer";
import type { FetchLike } from "../platform/outbound/outbound-fetch";
import { OutboundError } from "../platform/outbound/outbound-fetch";
import type { ChannelRecord, OutboxEvent } from "./notification-store";
import { emailBodies, webhookBody } from "./render";
import { signatureHeaders } from "./signing";

/** What one attempt came to: `answer` is what the log shows ("HTTP 500", "250 2.0.0 Ok"). */
export interface SendResult {
  delivered: boolean;
  answer: string;
  /** The receiver's Retry-After, when it sent one. */
  retryAfter: string | null;
  /** Trying again cannot help (a refused address, a rejected recipient): stop now. */
  permanent: boolean;
}

export interface SenderDeps {
  publicUrl: string;
  now: () => Date;
  /** The outbound guard with NOTIFY_ALLOWED_HOSTS (public https by default). */
  fetch: FetchLike;
  smtp: { url: string; from: string } | null;
  timeoutMs: number;
}

/** The channel's sealed fields, opened for this attempt only. */
export interface Opened {
  url: string | null;
  signingSecret: string | null;
}

export type Send = (channel: ChannelRecord, event: OutboxEvent, opened: Opened) => Promise<SendResult>;

export function createSender(d: SenderDeps): Send {
  const mailer = d.smtp ? createTransport({ url: d.smtp.url, connectionTimeout: d.timeoutMs, greetingTimeout: d.timeoutMs, socketTimeout: d.timeoutMs }) : null;
  return (channel, event, opened) => (channel.kind === "webhook" ? sendWebhook(d, channel, event, opened) : sendEmail(d, mailer, channel, event));
}

async function sendWebhook(d: SenderDeps, channel: ChannelRecord, event: OutboxEvent, { url, signingSecret: secret }: Opened): Promise<SendResult> {
  if (!url || !secret) return { delivered: false, answer: "The channel has no URL or signing secret.", retryAfter: null, permanent: true };
  const body = webhookBody(event, channel.format ?? "standard", d.publicUrl);
  // The signature's timestamp is the wall clock, not the injectable one: receivers compare it with theirs.
  try {
    const res = await d.fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", "user-agent": "workday-connect", ...signatureHeaders(secret, event.id, new Date(), body) },
      body,
    });
    return { delivered: res.status >= 200 && res.status < 300, answer: `HTTP ${res.status}`, retryAfter: res.headers.get("retry-after"), permanent: false };
  } catch (e) {
    // A refused address or a redirect stays so until someone edits the channel or the allow-list.
    const permanent = e instanceof OutboundError && (e.kind === "refused" || e.kind === "redirect");
    return {
      delivered: false,
      answer: e instanceof Error ? e.message.replace(/Workday answered/g, "The receiver answered") : "request failed",
      retryAfter: null,
      permanent,
    };
  }
}

async function sendEmail(d: SenderDeps, mailer: Transporter | null, channel: ChannelRecord, event: OutboxEvent): Promise<SendResult> {
  if (!mailer || !d.smtp) return { delivered: false, answer: "No SMTP server is configured: set SMTP_URL and NOTIFY_FROM.", retryAfter: null, permanent: true };
  const m = emailBodies(event, d.publicUrl);
  try {
    const info = (await mailer.sendMail({ from: d.smtp.from, to: channel.recipients, subject: m.subject, text: m.text, html: m.html })) as {
      response?: string;
    };
    return { delivered: true, answer: info.response ?? "accepted", retryAfter: null, permanent: false };
  } catch (e) {
    const code = typeof e === "object" && e !== null && "responseCode" in e && typeof e.responseCode === "number" ? e.responseCode : null;
    const response = typeof e === "object" && e !== null && "response" in e && typeof e.response === "string" ? e.response : null;
    // 5xx is the server's final word (a refused sender or recipient); 4xx and network errors may pass.
    return {
      delivered: false,
      answer: response ?? (e instanceof Error ? e.message : "sending failed"),
      retryAfter: null,
      permanent: code !== null && code >= 500,
    };
  }
}
