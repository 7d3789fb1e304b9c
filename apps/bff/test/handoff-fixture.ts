import { connectorResponseSchema, handoffLinkCreatedResponseSchema, routes, type HandoffLinkCreatedResponse } from "@wc/contracts";
import type { Client, Harness } from "./harness";

/** An admin creates a hand-off link; the token is the URL's fragment. */
export async function createHandoffLink(admin: Client, connectorId: string, body: Record<string, unknown> = {}) {
  const res = await admin.post(routes.connectorHandoffLinks(connectorId), body);
  if (res.status !== 201) throw new Error(`hand-off link not created: ${res.status} ${res.text}`);
  const created: HandoffLinkCreatedResponse = handoffLinkCreatedResponseSchema.parse(res.json());
  return { ...created, token: new URL(created.url).hash.slice(1) };
}

export async function draftConnector(h: Pick<Harness, "client">, name = `Hand-off ${Math.random()}`) {
  return connectorResponseSchema.parse((await h.client.post(routes.connectors, { name })).json()).connector;
}

/** A browser without a session that sends the hand-off credential on every request, as the hand-off page does. */
export function handoffBrowser(h: Pick<Harness, "newClient">, credential: string, scheme: "Handoff" | "Handoff-Result" = "Handoff") {
  const c = h.newClient();
  const auth = { authorization: `${scheme} ${credential}` };
  return {
    client: c,
    get: (path: string) => c.get(path, auth),
    put: (path: string, body: unknown) => c.put(path, body, auth),
    post: (path: string, body: unknown = {}, headers: Record<string, string> = {}) => c.post(path, body, { ...auth, ...headers }),
    send: (method: string, path: string, body?: unknown) => c.send(method, path, body, auth),
  };
}
