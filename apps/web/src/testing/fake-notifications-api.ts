import { channelRequestSchema, routes, webhookUrlHint, type ChannelView, type ConnectorSummary, type DeliveryAttempt } from "@wc/contracts";
import { http, HttpResponse } from "msw";
import { recorder } from "./handlers";
import { CONNECTOR_READS, connectorReadAnswer } from "./fake-connector-list";
import { server } from "./server";

interface Options {
  channels?: ChannelView[];
  /** Each channel's delivery log, newest first. */
  attempts?: Record<string, DeliveryAttempt[]>;
  connectors?: ConnectorSummary[];
}

const notFound = () => HttpResponse.json({ error: { code: "not_found", message: "No such channel." } }, { status: 404 });

/**
 * The notification channels in memory behind the BFF's routes, so a test can add, change, test and
 * delete channels and see the pages re-read them. The request body is checked with the contracts
 * schema, as the BFF does. `calls` records every write; `deliveryReads` counts delivery log reads.
 */
export function fakeNotificationsApi({ channels = [], attempts = {}, connectors = [] }: Options = {}) {
  const state = { channels, attempts, created: 0, secrets: 0, edits: 0, deliveryReads: 0 };
  const { calls, record } = recorder();
  const find = (id: string) => state.channels.find((c) => c.id === id);
  const edited = () => `2026-11-30T10:00:${String(++state.edits).padStart(2, "0")}.000Z`;
  const one = `${routes.notificationChannels}/:id`;
  server.use(
    http.get(CONNECTOR_READS, ({ request }) => HttpResponse.json(connectorReadAnswer(connectors, new URL(request.url)))),
    http.get(routes.notificationChannels, () => HttpResponse.json({ channels: state.channels })),
    http.post(routes.notificationChannels, async ({ request }) => {
      await record(request);
      const parsed = channelRequestSchema.safeParse(await request.json());
      if (!parsed.success) return HttpResponse.json({ error: { code: "validation_failed", message: "Some fields need fixing." } }, { status: 400 });
      const body = parsed.data;
      const id = `new${++state.created}`;
      const at = edited();
      const channel: ChannelView = {
        id,
        name: body.name,
        kind: body.kind,
        urlHint: body.kind === "webhook" && body.url ? webhookUrlHint(body.url) : null,
        format: body.kind === "webhook" ? body.format : null,
        recipients: body.kind === "email" ? body.recipients : [],
        events: body.events,
        connectorIds: body.connectorIds,
        alertMinSeverity: body.alertMinSeverity,
        alertHourlyLimit: body.alertHourlyLimit,
        alertsHeldBack: 0,
        lastHeldBackAt: null,
        enabled: body.enabled,
        createdAt: at,
        updatedAt: at,
        lastAttempt: null,
      };
      state.channels = [...state.channels, channel];
      return HttpResponse.json({ channel, signingSecret: body.kind === "webhook" ? `whsec_created${state.created}` : null }, { status: 201 });
    }),
    http.get<{ id: string }>(one, ({ params }) => {
      const channel = find(params.id);
      return channel ? HttpResponse.json(channel) : notFound();
    }),
    http.put<{ id: string }>(one, async ({ request, params }) => {
      await record(request);
      const channel = find(params.id);
      if (!channel) return notFound();
      const body = channelRequestSchema.parse(await request.json());
      const changed: ChannelView = {
        ...channel,
        name: body.name,
        events: body.events,
        connectorIds: body.connectorIds,
        alertMinSeverity: body.alertMinSeverity,
        alertHourlyLimit: body.alertHourlyLimit,
        enabled: body.enabled,
        // As the BFF: a URL left out keeps the saved one.
        ...(body.kind === "webhook" ? { format: body.format, ...(body.url ? { urlHint: webhookUrlHint(body.url) } : {}) } : { recipients: body.recipients }),
        updatedAt: edited(),
      };
      state.channels = state.channels.map((c) => (c.id === channel.id ? changed : c));
      return HttpResponse.json(changed);
    }),
    http.delete<{ id: string }>(one, async ({ request, params }) => {
      await record(request);
      state.channels = state.channels.filter((c) => c.id !== params.id);
      return new HttpResponse(null, { status: 204 });
    }),
    http.post<{ id: string }>(`${one}/test`, async ({ request, params }) => {
      await record(request);
      const eventId = `msg_test${calls.length}`;
      const attempt: DeliveryAttempt = {
        at: "2026-11-30T11:00:00.000Z",
        eventId,
        eventType: "notification.test",
        connectorId: null,
        attempt: 1,
        outcome: "delivered",
        answer: "HTTP 204",
        nextAttemptAt: null,
      };
      state.attempts = { ...state.attempts, [params.id]: [attempt, ...(state.attempts[params.id] ?? [])] };
      return HttpResponse.json({ eventId }, { status: 202 });
    }),
    http.post(`${one}/secret`, async ({ request }) => {
      await record(request);
      return HttpResponse.json({ signingSecret: `whsec_replaced${++state.secrets}` });
    }),
    http.get<{ id: string }>(`${one}/deliveries`, ({ params }) => {
      state.deliveryReads += 1;
      return HttpResponse.json({ attempts: state.attempts[params.id] ?? [] });
    }),
  );
  return { state, calls };
}
