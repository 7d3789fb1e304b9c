// How the simulator's activityLogging scales with the size of the log: the same page is fetched
// from tenants holding 10,000 and 1,000,000 events, at the first and at a deep offset. Prints
// ratios against the small-log baseline measured in the same run (no absolute time is asserted).
import { startSimulator } from "@wc/workday-sim";

const ROUNDS = Number(process.argv[2] ?? 200);

async function tokenFor(url: string, tenant: string): Promise<{ token: string; api: string }> {
  const reg = (await (
    await fetch(`${url}/_sim/api/tenants/${tenant}/clients`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ clientName: "bench", redirectUri: "https://bench.invalid/cb", scopes: ["System"], nonExpiringRefreshTokens: true }),
    })
  ).json()) as { clientId: string; clientSecret: string; restApiEndpoint: string };
  return { token: await issueToken(url, tenant, reg.clientId, reg.clientSecret), api: reg.restApiEndpoint.replace("/api/v1/", "/api/privacy/v1/") };
}

/** There is no client-credentials grant in the simulator: run the real code flow through its pages. */
async function issueToken(url: string, tenant: string, clientId: string, secret: string): Promise<string> {
  const verifier = "bench-verifier-bench-verifier-bench-verifier-123";
  const { createHash } = await import("node:crypto");
  const challenge = createHash("sha256").update(verifier).digest("base64url");
  const q = new URLSearchParams({ response_type: "code", client_id: clientId, redirect_uri: "https://bench.invalid/cb", state: "s", code_challenge: challenge, code_challenge_method: "S256" });
  let res = await fetch(`${url}/${tenant}/authorize?${q.toString()}`, { redirect: "manual" });
  const cookie = res.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
  const form = (html: string): Record<string, string> =>
    Object.fromEntries([...html.matchAll(/<input[^>]*name="([^"]+)"[^>]*value="([^"]*)"/g)].map((m) => [m[1] ?? "", m[2] ?? ""]));
  let html = await res.text();
  const action = (h: string) => new URL(/<form[^>]*action="([^"]*)"/.exec(h)?.[1] ?? `/${tenant}/authorize`, url).href;
  res = await fetch(action(html), { method: "POST", redirect: "manual", headers: { cookie, "content-type": "application/x-www-form-urlencoded" }, body: new URLSearchParams({ ...form(html), username: "isu_wdconnect", password: "Workday-isu-1" }) });
  while (res.status >= 300 && res.status < 400) res = await fetch(new URL(res.headers.get("location") ?? "", url), { redirect: "manual", headers: { cookie } });
  html = await res.text();
  res = await fetch(action(html), { method: "POST", redirect: "manual", headers: { cookie, "content-type": "application/x-www-form-urlencoded" }, body: new URLSearchParams({ ...form(html), decision: "allow" }) });
  const code = new URL(res.headers.get("location") ?? "").searchParams.get("code") ?? "";
  const token = (await (
    await fetch(`${url}/ccx/oauth2/${tenant}/token`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", authorization: `Basic ${Buffer.from(`${clientId}:${secret}`).toString("base64")}` },
      body: new URLSearchParams({ grant_type: "authorization_code", code, redirect_uri: "https://bench.invalid/cb", code_verifier: verifier }),
    })
  ).json()) as { access_token: string };
  return token.access_token;
}

async function timePages(api: string, token: string, offset: number): Promise<number> {
  const from = "2000-01-01T00:00:00Z";
  const to = "2100-01-01T00:00:00Z";
  const started = process.hrtime.bigint();
  for (let i = 0; i < ROUNDS; i++) {
    const res = await fetch(`${api}/activityLogging?from=${from}&to=${to}&limit=1000&offset=${offset}`, { headers: { authorization: `Bearer ${token}` } });
    if (res.status !== 200) throw new Error(`activityLogging answered ${res.status}: ${await res.text()}`);
    await res.arrayBuffer();
  }
  return Number(process.hrtime.bigint() - started) / 1e6;
}

const s = await startSimulator({ port: 0 });
try {
  const put = (tenant: string, events: number) =>
    fetch(`${s.url}/_sim/api/tenants/${tenant}/activity`, { method: "PUT", headers: { "content-type": "application/json" }, body: JSON.stringify({ events, days: 7 }) });
  await put("acme", 10_000);
  await put("acme_sandbox", 1_000_000);
  const small = await tokenFor(s.url, "acme");
  const large = await tokenFor(s.url, "acme_sandbox");
  // Warm-up (JIT, connection pool) so the baseline is not paying for it.
  await timePages(small.api, small.token, 0);
  await timePages(large.api, large.token, 9000);
  const baseline = await timePages(small.api, small.token, 0);
  const largeFirst = await timePages(large.api, large.token, 0);
  const largeDeep = await timePages(large.api, large.token, 9000);
  console.log(`pages of 1000 rows, ${ROUNDS} rounds each`);
  console.log(`baseline  10k events, offset 0     ${(baseline / ROUNDS).toFixed(2)} ms/page`);
  console.log(`1M events, offset 0                ratio ${(largeFirst / baseline).toFixed(2)}`);
  console.log(`1M events, offset 9000             ratio ${(largeDeep / baseline).toFixed(2)}`);
} finally {
  await s.close();
}
