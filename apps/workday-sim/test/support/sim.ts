import { createHash, randomBytes } from "node:crypto";
import { afterAll, beforeAll, beforeEach } from "vitest";
import { startSimulator, type RunningSimulator, type StartOptions } from "../../src/index";
import { Browser, type Page } from "./browser";

export interface JsonResponse<T = unknown> {
  status: number;
  headers: Headers;
  json: T;
  text: string;
}

/** One simulator per test file, reset before every test. */
export function useSimulator(options: StartOptions = {}): { readonly sim: RunningSimulator } {
  const holder: { sim?: RunningSimulator } = {};
  beforeAll(async () => {
    holder.sim = await startSimulator({ port: 0, host: "127.0.0.1", ...options });
  });
  afterAll(async () => {
    await holder.sim?.close();
  });
  beforeEach(() => {
    holder.sim?.sim.reset();
  });
  return {
    get sim(): RunningSimulator {
      if (!holder.sim) throw new Error("simulator not started");
      return holder.sim;
    },
  };
}

async function asJson<T>(res: Response): Promise<JsonResponse<T>> {
  const text = await res.text();
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = null;
  }
  return { status: res.status, headers: res.headers, json: json as T, text };
}

/** Calls the control API with a JSON body. */
export async function control<T = Record<string, unknown>>(sim: RunningSimulator, method: string, path: string, body?: unknown): Promise<JsonResponse<T>> {
  const res = await fetch(`${sim.url}/_sim/api${path}`, {
    method,
    headers: body === undefined ? {} : { "content-type": "application/json" },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return asJson<T>(res);
}

export interface Registered {
  clientId: string;
  clientSecret: string;
  restApiEndpoint: string;
  tokenEndpoint: string;
  authorizationEndpoint: string;
}

export const REDIRECT_URI = "http://localhost:3999/api/oauth/connect/c1";

export async function register(sim: RunningSimulator, tenant = "acme", over: Record<string, unknown> = {}): Promise<Registered> {
  const res = await control<Registered>(sim, "POST", `/tenants/${tenant}/clients`, {
    clientName: "Workday Connect",
    redirectUri: REDIRECT_URI,
    nonExpiringRefreshTokens: true,
    scopes: ["Staffing", "System"],
    ...over,
  });
  if (res.status !== 201) throw new Error(`register failed: ${res.status} ${res.text}`);
  return res.json;
}

export function pkce(): { verifier: string; challenge: string } {
  const verifier = randomBytes(32).toString("base64url");
  return { verifier, challenge: createHash("sha256").update(verifier).digest("base64url") };
}

export function authorizeUrl(reg: Registered, params: Record<string, string> = {}): string {
  const url = new URL(reg.authorizationEndpoint);
  const all = { response_type: "code", client_id: reg.clientId, redirect_uri: REDIRECT_URI, state: "st-123", ...params };
  for (const [k, v] of Object.entries(all)) url.searchParams.set(k, v);
  return url.href;
}

/** Opens the authorize URL, signs in and presses Allow or Deny; returns the redirect back. */
export async function consent(
  url: string,
  o: { decision?: "Allow" | "Deny"; username?: string; password?: string; browser?: Browser } = {},
): Promise<{ location: URL; signIn: Page; consentPage: Page }> {
  const browser = o.browser ?? new Browser();
  const signIn = await browser.get(url);
  if (signIn.status !== 200) throw new Error(`authorize answered ${signIn.status}: ${signIn.location ?? signIn.text.slice(0, 500)}`);
  const afterSignIn = await browser.submit(signIn, "Sign In", { username: o.username ?? "isu_wdconnect", password: o.password ?? "Workday-isu-1" });
  const consentPage = await browser.follow(afterSignIn);
  const done = await browser.submit(consentPage, o.decision ?? "Allow");
  if (!done.location) throw new Error(`no redirect after consent: ${done.status} ${done.text.slice(0, 500)}`);
  return { location: new URL(done.location), signIn, consentPage };
}

/** POSTs a form to the token endpoint, optionally with HTTP Basic client authentication. */
export async function tokenRequest(
  endpoint: string,
  form: Record<string, string>,
  basic?: { id: string; secret: string },
): Promise<JsonResponse<Record<string, unknown>>> {
  const headers: Record<string, string> = { "content-type": "application/x-www-form-urlencoded" };
  if (basic) headers.authorization = `Basic ${Buffer.from(`${encodeURIComponent(basic.id)}:${encodeURIComponent(basic.secret)}`).toString("base64")}`;
  return asJson(await fetch(endpoint, { method: "POST", headers, body: new URLSearchParams(form).toString() }));
}

export interface Tokens {
  access_token: string;
  refresh_token: string;
  token_type: string;
  expires_in: number;
}

/** Full consent + code exchange (with PKCE) for `reg`; returns the tokens. */
export async function connect(reg: Registered, o: { username?: string; password?: string } = {}): Promise<Tokens> {
  const { verifier, challenge } = pkce();
  const { location } = await consent(authorizeUrl(reg, { code_challenge: challenge, code_challenge_method: "S256" }), o);
  const code = location.searchParams.get("code") ?? "";
  const res = await tokenRequest(
    reg.tokenEndpoint,
    { grant_type: "authorization_code", code, redirect_uri: REDIRECT_URI, code_verifier: verifier },
    { id: reg.clientId, secret: reg.clientSecret },
  );
  if (res.status !== 200) throw new Error(`code exchange failed: ${res.status} ${res.text}`);
  return res.json as unknown as Tokens;
}

export function refreshWith(reg: Registered, refreshToken: string): Promise<JsonResponse<Record<string, unknown>>> {
  return tokenRequest(reg.tokenEndpoint, { grant_type: "refresh_token", refresh_token: refreshToken }, { id: reg.clientId, secret: reg.clientSecret });
}

/** GET on a REST API with a bearer token. */
export async function apiGet<T = Record<string, unknown>>(url: string, accessToken: string): Promise<JsonResponse<T>> {
  return asJson<T>(await fetch(url, { headers: { authorization: `Bearer ${accessToken}` } }));
}

export const activityUrl = (reg: Registered, params: Record<string, string>): string => {
  const url = new URL(reg.restApiEndpoint.replace("/ccx/api/v1/", "/ccx/api/privacy/v1/") + "/activityLogging");
  for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
  return url.href;
};
