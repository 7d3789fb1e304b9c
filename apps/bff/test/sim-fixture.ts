import { startSimulator } from "@wc/workday-sim";
import { connectorResponseSchema, routes } from "@wc/contracts";
import { Browser } from "./html-forms";
import { startBff, type Client, type Harness } from "./harness";

export type Sim = Awaited<ReturnType<typeof startSimulator>>;

/** The simulator and the BFF on loopback, the BFF allowed to call exactly the simulator's two host names. */
export async function startStack(
  opts: Omit<NonNullable<Parameters<typeof startBff>[0]>, "allowedWorkdayHosts"> & { sim?: Parameters<typeof startSimulator>[0] } = {},
) {
  const { sim: simOptions, ...bffOptions } = opts;
  const sim = await startSimulator({ port: 0, host: "127.0.0.1", ...simOptions });
  const bff = await startBff({ allowedWorkdayHosts: `http://localhost:${sim.port},http://127.0.0.1:${sim.port}`, ...bffOptions });
  return { sim, bff, close: async () => Promise.all([bff.close(), sim.close()]) };
}

export async function simApi<T = unknown>(sim: Sim, method: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(`${sim.url}/_sim/api${path}`, {
    method,
    headers: body === undefined ? {} : { "content-type": "application/json" },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`simulator ${method} ${path} → ${res.status}: ${text}`);
  return (text ? JSON.parse(text) : null) as T;
}

export interface RegisteredClient {
  clientId: string;
  clientSecret: string;
  restApiEndpoint: string;
  tokenEndpoint: string;
  authorizationEndpoint: string;
}

export async function registerClient(sim: Sim, tenant: string, redirectUri: string, over: Record<string, unknown> = {}): Promise<RegisteredClient> {
  return simApi<RegisteredClient>(sim, "POST", `/tenants/${tenant}/clients`, {
    clientName: "workday-connect",
    redirectUri,
    nonExpiringRefreshTokens: true,
    scopes: ["Staffing", "System"],
    ...over,
  });
}

/** A connector with saved details for a freshly registered client of `tenant`. */
export async function preparedConnector(
  h: Pick<Harness, "client">,
  sim: Sim,
  tenant = "acme",
  opts: { samlSso?: boolean; secret?: string; name?: string } = {},
) {
  const c = connectorResponseSchema.parse((await h.client.post(routes.connectors, { name: opts.name ?? `Conn ${tenant} ${Math.random()}` })).json()).connector;
  const reg = await registerClient(sim, tenant, c.redirectUri);
  const res = await h.client.put(routes.connectorDetails(c.id), {
    clientId: reg.clientId,
    clientSecret: opts.secret ?? reg.clientSecret,
    restApiEndpoint: reg.restApiEndpoint,
    tokenEndpoint: reg.tokenEndpoint,
    authorizationEndpoint: reg.authorizationEndpoint,
    samlSso: opts.samlSso ?? false,
  });
  if (res.status !== 200) throw new Error(`details not saved: ${res.text}`);
  return { connector: c, reg };
}

/** Every authorization code Workday handed back, for the secret-leak scans. */
export const deliveredCodes: string[] = [];

/**
 * Does the Workday side like a person: open the authorization URL, sign in, press Allow or Deny.
 * Returns the URL Workday redirected the browser to (the BFF callback), without calling it.
 */
export async function consentInWorkday(authorizationUrl: string, o: { decision: "Allow" | "Deny"; username?: string; password?: string }) {
  const b = new Browser();
  let page = await b.request(authorizationUrl);
  if (page.res.status >= 300 && page.res.status < 400) return { redirectedTo: new URL(page.res.headers.get("location") ?? "", page.url).href, page };
  const passwordField = /<input[^>]*type=["']?password[^>]*name=["']?([\w-]+)/i.exec(page.text)?.[1] ?? "password";
  const userField = /<input[^>]*name=["']?([\w-]*user[\w-]*)/i.exec(page.text)?.[1] ?? "username";
  page = await b.submit(page, /sign in/i, { [userField]: o.username ?? "isu_wdconnect", [passwordField]: o.password ?? "Workday-isu-1" });
  while (page.res.status >= 300 && page.res.status < 400) {
    const next = new URL(page.res.headers.get("location") ?? "", page.url);
    if (!next.pathname.startsWith("/_sim") && !next.pathname.includes("/authorize") && next.port !== page.url.port) {
      return { redirectedTo: next.href, page };
    }
    page = await b.request(next.href);
  }
  page = await b.submit(page, new RegExp(`^${o.decision}$`, "i"));
  const location = page.res.headers.get("location");
  if (!location) throw new Error(`Workday did not redirect after ${o.decision}: ${page.res.status} ${page.text.slice(0, 500)}`);
  const redirectedTo = new URL(location, page.url);
  const code = redirectedTo.searchParams.get("code");
  if (code) deliveredCodes.push(code);
  return { redirectedTo: redirectedTo.href, page };
}

/** Starts consent through the BFF, consents in Workday, and delivers the callback with the admin's cookies. */
export async function connect(client: Client, connectorId: string, o: { decision?: "Allow" | "Deny"; username?: string; password?: string } = {}) {
  const start = await client.post(routes.connectorConsent(connectorId), { mode: "popup" });
  if (start.status !== 200) throw new Error(`consent did not start: ${start.text}`);
  const { authorizationUrl } = start.json<{ authorizationUrl: string }>();
  const { redirectedTo } = await consentInWorkday(authorizationUrl, { decision: o.decision ?? "Allow", ...o });
  const callback = new URL(redirectedTo);
  const res = await client.get(callback.pathname + callback.search);
  return { authorizationUrl, callbackUrl: callback, res };
}
