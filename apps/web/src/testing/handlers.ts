import {
  routes,
  type ActivityListResponse,
  type ApiErrorBody,
  type Connector,
  type ConnectorDetailResponse,
  type ConnectorResponse,
  type ConnectorSummary,
  type HandoffLinksResponse,
  type ListAuditResponse,
  type ListUsersResponse,
  type PublicConfig,
  type SessionResponse,
  type StartConsentResponse,
  type SyncStatus,
  type SyncStatusResponse,
  type TimelineEntry,
} from "@wc/contracts";
import { http, HttpResponse, type DefaultBodyType, type StrictRequest } from "msw";
import { CONFIG, makeSync, sessionFor, signedOut } from "./fixtures";
import { CONNECTOR_READS, connectorReadAnswer } from "./fake-connector-list";

type Method = "get" | "post" | "put" | "patch" | "delete";
type OnRequest = (r: StrictRequest<DefaultBodyType>) => Promise<void>;

/** Records what the SPA sent, so tests can assert on bodies and headers. */
export interface Recorded {
  method: string;
  url: string;
  headers: Headers;
  credentials: RequestCredentials;
  body: unknown;
}

export function recorder() {
  const calls: Recorded[] = [];
  const record = async (request: StrictRequest<DefaultBodyType>) => {
    const text = await request.clone().text();
    calls.push({
      method: request.method,
      url: request.url,
      headers: request.headers,
      credentials: request.credentials,
      body: text ? (JSON.parse(text) as unknown) : undefined,
    });
  };
  return { calls, record };
}

/** MSW handlers typed with the contracts' response types. */
export const api = {
  session: (role: "admin" | "support" = "admin") => http.get<never, never, SessionResponse>(routes.session, () => HttpResponse.json(sessionFor(role))),
  /** GET /api/session with nobody signed in. */
  signedOut: (overrides: Partial<SessionResponse> = {}) =>
    http.get<never, never, SessionResponse>(routes.session, () => HttpResponse.json(signedOut(overrides))),
  users: (body: ListUsersResponse) => http.get<never, never, ListUsersResponse>(routes.users, () => HttpResponse.json(body)),
  audit: (body: ListAuditResponse, onRequest?: (url: URL) => void) =>
    http.get<never, never, ListAuditResponse>(routes.audit, ({ request }) => {
      onRequest?.(new URL(request.url));
      return HttpResponse.json(body);
    }),
  /** A 204 answer; `onRequest` sees each request first. */
  noContent: (method: Exclude<Method, "get">, path: string, onRequest?: (r: StrictRequest<DefaultBodyType>) => Promise<void>) =>
    http[method](path, async ({ request }) => {
      await onRequest?.(request);
      return new HttpResponse(null, { status: 204 });
    }),
  config: (config: PublicConfig = CONFIG) => http.get<never, never, PublicConfig>(routes.config, () => HttpResponse.json(config)),
  /** The list as the BFF pages, sorts and filters it, and every connector's name, over these connectors. */
  connectors: (body: { connectors: readonly ConnectorSummary[] }) =>
    http.get(CONNECTOR_READS, ({ request }) => HttpResponse.json(connectorReadAnswer(body.connectors, new URL(request.url)))),
  connector: (connector: Connector | (() => Connector), timeline: TimelineEntry[] = []) => {
    const current = () => (typeof connector === "function" ? connector() : connector);
    return http.get<never, never, ConnectorDetailResponse>(routes.connector(current().id), () => HttpResponse.json({ connector: current(), timeline }));
  },
  /** A write answering with the connector; `onRequest` sees each request first. */
  write: (method: Exclude<Method, "get" | "delete">, path: string, connector: Connector, onRequest?: (r: StrictRequest<DefaultBodyType>) => Promise<void>) =>
    http[method]<never, DefaultBodyType, ConnectorResponse>(path, async ({ request }) => {
      await onRequest?.(request);
      return HttpResponse.json({ connector }, { status: method === "post" ? 201 : 200 });
    }),
  consent: (authorizationUrl: string, onRequest?: (r: StrictRequest<DefaultBodyType>) => Promise<void>) =>
    http.post<never, DefaultBodyType, StartConsentResponse>(routes.connectorConsent("c1"), async ({ request }) => {
      await onRequest?.(request);
      return HttpResponse.json({ authorizationUrl });
    }),
  /** `GET …/sync` of connector `id`; a function is asked once per request (each poll). */
  sync: (status: SyncStatus | (() => SyncStatus), onRequest?: OnRequest, id = "c1") =>
    http.get<never, never, SyncStatusResponse>(routes.connectorSync(id), async ({ request }) => {
      await onRequest?.(request);
      return HttpResponse.json({ sync: typeof status === "function" ? status() : status });
    }),
  /** Every connector's sync is idle: the default, so pages that do not look at the sync need no handler. */
  idleSync: () =>
    http.get<{ id: string }, never, SyncStatusResponse>("/api/connectors/:id/sync", ({ params }) =>
      HttpResponse.json({ sync: makeSync({ connectorId: params.id }) }),
    ),
  /** The connector page's hand-off section: no links yet (a test that is about them adds its own). */
  noHandoffLinks: () => http.get<{ id: string }, never, HandoffLinksResponse>("/api/connectors/:id/handoff-links", () => HttpResponse.json({ links: [] })),
  /** `GET /api/activity`; `answer` may look at the request's query. */
  activity: (answer: ActivityListResponse | ((url: URL) => ActivityListResponse), onRequest?: OnRequest) => activityList(routes.activity, answer, onRequest),
  /** `GET /api/connectors/:id/activity`. */
  connectorActivity: (id: string, answer: ActivityListResponse | ((url: URL) => ActivityListResponse), onRequest?: OnRequest) =>
    activityList(routes.connectorActivity(id), answer, onRequest),
  error: (method: Method, path: string, status: number, error: ApiErrorBody["error"]) =>
    http[method]<never, DefaultBodyType, ApiErrorBody>(path, () => HttpResponse.json({ error }, { status })),
};

function activityList(path: string, answer: ActivityListResponse | ((url: URL) => ActivityListResponse), onRequest?: OnRequest) {
  return http.get<never, never, ActivityListResponse>(path, async ({ request }) => {
    await onRequest?.(request);
    return HttpResponse.json(typeof answer === "function" ? answer(new URL(request.url)) : answer);
  });
}
