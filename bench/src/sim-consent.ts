// Drives the simulator's sign-in and consent pages over HTTP (there is no client-credentials
// grant in it): what a person does in the browser, reduced to form posts with a cookie jar.
import { createHash } from "node:crypto";

const inputs = (html: string): Record<string, string> =>
  Object.fromEntries([...html.matchAll(/<input[^>]*name="([^"]+)"[^>]*value="([^"]*)"/g)].map((m) => [m[1] ?? "", m[2] ?? ""]));
const actionOf = (html: string, base: string) => new URL(/<form[^>]*action="([^"]*)"/.exec(html)?.[1] ?? "", base).href;

/** Opens Workday's authorize URL, signs in as the ISU, presses Allow; returns where Workday redirects (the callback with the code). */
export async function signInAndAllow(authorizationUrl: string): Promise<URL> {
  let res = await fetch(authorizationUrl, { redirect: "manual" });
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  const post = (url: string, body: Record<string, string>) =>
    fetch(url, {
      method: "POST",
      redirect: "manual",
      headers: { cookie, "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams(body),
    });
  let html = await res.text();
  res = await post(actionOf(html, authorizationUrl), { ...inputs(html), username: "isu_wdconnect", password: "Workday-isu-1" });
  while (res.status >= 300 && res.status < 400) {
    res = await fetch(new URL(res.headers.get("location") ?? "", authorizationUrl), { redirect: "manual", headers: { cookie } });
  }
  html = await res.text();
  res = await post(actionOf(html, authorizationUrl), { ...inputs(html), decision: "allow" });
  const location = res.headers.get("location");
  if (!location) throw new Error(`the simulator did not redirect after Allow (${res.status})`);
  return new URL(location, authorizationUrl);
}

export interface BenchClient {
  clientId: string;
  clientSecret: string;
  restApiEndpoint: string;
  tokenEndpoint: string;
  authorizationEndpoint: string;
}

export async function registerClient(simUrl: string, tenant: string, redirectUri: string): Promise<BenchClient> {
  const res = await fetch(`${simUrl}/_sim/api/tenants/${tenant}/clients`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ clientName: "bench", redirectUri, scopes: ["Staffing", "System"], nonExpiringRefreshTokens: true }),
  });
  if (res.status !== 201) throw new Error(`client not registered: ${res.status} ${await res.text()}`);
  return (await res.json()) as BenchClient;
}

/** An access token for a fresh client of `tenant`, by the real code flow with PKCE. */
export async function issueToken(simUrl: string, tenant: string): Promise<{ token: string; client: BenchClient }> {
  const redirectUri = "https://bench.invalid/cb";
  const client = await registerClient(simUrl, tenant, redirectUri);
  const verifier = "bench-verifier-bench-verifier-bench-verifier-123";
  const challenge = createHash("sha256").update(verifier).digest("base64url");
  const q = new URLSearchParams({
    response_type: "code",
    client_id: client.clientId,
    redirect_uri: redirectUri,
    state: "s",
    code_challenge: challenge,
    code_challenge_method: "S256",
  });
  const back = await signInAndAllow(`${client.authorizationEndpoint}?${q.toString()}`);
  const res = await fetch(client.tokenEndpoint, {
    method: "POST",
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      authorization: `Basic ${Buffer.from(`${client.clientId}:${client.clientSecret}`).toString("base64")}`,
    },
    body: new URLSearchParams({
      grant_type: "authorization_code",
      code: back.searchParams.get("code") ?? "",
      redirect_uri: redirectUri,
      code_verifier: verifier,
    }),
  });
  const body = (await res.json()) as { access_token?: string };
  if (!body.access_token) throw new Error(`no access token: ${res.status}`);
  return { token: body.access_token, client };
}
