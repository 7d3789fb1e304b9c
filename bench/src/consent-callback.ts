// Bench P2 (issue 16): the consent callback, from Workday's redirect reaching the console to its
// 303 back to the SPA, against a bare openid-client code exchange with the same simulator, in the
// same run. Both sides get a fresh code from the simulator's real sign-in and Allow (not timed);
// only the callback request (console) and `authorizationCodeGrant` (bare, in this process) are
// timed. The console runs as its own process on a fresh SQLite file, background work off; the
// simulator in another. `rounds` pairs, alternating which goes first; prints median, p90 and the
// ratio of the medians (goal ≤ 1.5×).
// The console is started as in production (compiled; `--start=tsx` for its sources).
//   pnpm --filter @wc/bench consent-callback [rounds] [--start=tsx]   (default 40)
import { mkdtempSync, rmSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import * as client from "openid-client";
import { consoleArgs, consoleStartOf, freePort, positional, runNode, runTs, stop, waitForUrl } from "./processes";
import { registerClient, signInAndAllow } from "./sim-consent";

const ROUNDS = Number(positional(process.argv.slice(2))[0] ?? 40);
const WARM_UP = 5;
const ADMIN = { email: "bench@example.com", password: "bench-password-1" };
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const work = mkdtempSync(path.join(tmpdir(), "wc-consent-"));

const simPort = await freePort();
const sim = runTs("src/server.ts", path.join(ROOT, "apps/workday-sim"), { WORKDAY_SIM_PORT: String(simPort) });
const simUrl = `http://127.0.0.1:${simPort}`;
const port = await freePort();
const base = `http://127.0.0.1:${port}`;
const bff = runNode(consoleArgs(consoleStartOf(process.argv)), path.join(ROOT, "apps/bff"), {
  NODE_ENV: "production",
  ENCRYPTION_KEY: Buffer.alloc(32, 7).toString("base64"),
  PORT: String(port),
  PUBLIC_URL: base,
  DATA_DIR: path.join(work, "data"),
  ADMIN_EMAIL: ADMIN.email,
  ADMIN_PASSWORD: ADMIN.password,
  ALLOWED_WORKDAY_HOSTS: `http://localhost:${simPort},http://127.0.0.1:${simPort}`,
  LOG_LEVEL: "warn",
  HEALTH_SCHEDULER_TICK_SECONDS: "0",
  ACTIVITY_SCHEDULER_TICK_SECONDS: "0",
  NOTIFY_TICK_SECONDS: "0",
  ...(process.env.BENCH_CPU_PROF ? { NODE_OPTIONS: `--cpu-prof --cpu-prof-dir=${process.env.BENCH_CPU_PROF}` } : {}),
});

let cookie = "";
async function api(method: string, pathAndQuery: string, body?: unknown): Promise<unknown> {
  const res = await fetch(base + pathAndQuery, {
    method,
    headers: { cookie, "x-csrf": "1", ...(body === undefined ? {} : { "content-type": "application/json" }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const set = res.headers.getSetCookie()[0];
  if (set) cookie = set.split(";")[0] ?? "";
  const text = await res.text();
  if (res.status >= 400) throw new Error(`${method} ${pathAndQuery} → ${res.status}: ${text}`);
  return text ? JSON.parse(text) : null;
}

/** One console callback: a new consent for the connector, a code from the simulator, the callback timed. */
async function consoleCallback(connectorId: string): Promise<number> {
  const { authorizationUrl } = (await api("POST", `/api/connectors/${connectorId}/consent`, { mode: "popup" })) as { authorizationUrl: string };
  const back = await signInAndAllow(authorizationUrl);
  const t0 = performance.now();
  const res = await fetch(`${base}${back.pathname}${back.search}`, { redirect: "manual", headers: { cookie } });
  await res.arrayBuffer();
  const ms = performance.now() - t0;
  if (res.status !== 303 || (res.headers.get("location") ?? "").includes("refused"))
    throw new Error(`callback: ${res.status} → ${res.headers.get("location")}`);
  return ms;
}

/** One bare exchange: openid-client alone, with its own client of the same tenant. */
async function bareExchange(config: client.Configuration, redirectUri: string): Promise<number> {
  const verifier = client.randomPKCECodeVerifier();
  const state = client.randomState();
  const url = client.buildAuthorizationUrl(config, {
    redirect_uri: redirectUri,
    state,
    code_challenge: await client.calculatePKCECodeChallenge(verifier),
    code_challenge_method: "S256",
  });
  const back = await signInAndAllow(url.href);
  const t0 = performance.now();
  const tokens = await client.authorizationCodeGrant(config, back, { pkceCodeVerifier: verifier, expectedState: state });
  const ms = performance.now() - t0;
  if (!tokens.refresh_token) throw new Error("bare exchange: no refresh token");
  return ms;
}

const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? NaN;
};

try {
  await Promise.all([waitForUrl(`${simUrl}/_sim/api/tenants`, sim), waitForUrl(`${base}/api/health`, bff)]);
  await api("POST", "/api/auth/sign-in", ADMIN);
  const { connector } = (await api("POST", "/api/connectors", { name: "Bench consent" })) as { connector: { id: string; redirectUri: string } };
  const reg = await registerClient(simUrl, "acme", connector.redirectUri);
  await api("PUT", `/api/connectors/${connector.id}/details`, { ...reg, samlSso: false });

  const bareRedirect = "https://bench.invalid/cb";
  const bareReg = await registerClient(simUrl, "acme", bareRedirect);
  const server = {
    issuer: `${new URL(bareReg.authorizationEndpoint).origin}/acme`,
    authorization_endpoint: bareReg.authorizationEndpoint,
    token_endpoint: bareReg.tokenEndpoint,
  };
  const config = new client.Configuration(server, bareReg.clientId, undefined, client.ClientSecretPost(bareReg.clientSecret));
  client.allowInsecureRequests(config);

  for (let i = 0; i < WARM_UP; i++) {
    await consoleCallback(connector.id);
    await bareExchange(config, bareRedirect);
  }
  const consoleMs: number[] = [];
  const bareMs: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    // Alternating which goes first, so neither always has the quieter moment.
    if (i % 2 === 0) {
      consoleMs.push(await consoleCallback(connector.id));
      bareMs.push(await bareExchange(config, bareRedirect));
    } else {
      bareMs.push(await bareExchange(config, bareRedirect));
      consoleMs.push(await consoleCallback(connector.id));
    }
  }
  const c50 = quantile(consoleMs, 0.5);
  const b50 = quantile(bareMs, 0.5);
  console.log(`\nconsent callback vs bare openid-client exchange, same simulator, ${ROUNDS} of each after ${WARM_UP} warm-up pairs`);
  console.log(
    `${cpus().length} cores (${cpus()[0]?.model ?? "?"}); load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(" ")} after the run`,
  );
  console.log(
    `console callback (redirect in → 303)   median ${c50.toFixed(2)} ms, p90 ${quantile(consoleMs, 0.9).toFixed(2)} ms, min ${Math.min(...consoleMs).toFixed(2)} ms`,
  );
  console.log(
    `bare openid-client code exchange       median ${b50.toFixed(2)} ms, p90 ${quantile(bareMs, 0.9).toFixed(2)} ms, min ${Math.min(...bareMs).toFixed(2)} ms`,
  );
  console.log(`console / bare (medians): ${(c50 / b50).toFixed(2)}×   goal ≤ 1.5×: ${c50 / b50 <= 1.5 ? "met" : "NOT met"}`);
} finally {
  await stop(bff);
  await stop(sim);
  rmSync(work, { recursive: true, force: true });
}
