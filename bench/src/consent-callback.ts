// Bench P2 (issue 16): the consent callback, from Workday's redirect reaching the console to its
// 303 back to the SPA, against a bare openid-client code exchange with the same simulator, in the
// same run. Both sides get a fresh code from the simulator's real sign-in and Allow (not timed);
// only the callback request (console) and `authorizationCodeGrant` (bare, in this process) are
// timed. The console runs as its own process on a fresh SQLite file, background work off; the
// simulator in another. A third side is the floor (`bare-callback-server.ts`): Express in its own
// process doing only that exchange and the 303, i.e. the extra hop every BFF pays. `rounds` of each,
// rotating which goes first; prints median, p90 and the ratios of the medians (goal ≤ 1.5×
// console / bare; floor / bare says how much of that any BFF spends, console / floor what the
// console adds to it).
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

const floorPort = await freePort();
let floor: ReturnType<typeof runTs> | null = null;

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

/** A fresh code for `config`'s client: the simulator's real sign-in and Allow (not timed). */
async function freshCode(config: client.Configuration, redirectUri: string): Promise<{ back: URL; verifier: string; state: string }> {
  const verifier = client.randomPKCECodeVerifier();
  const state = client.randomState();
  const url = client.buildAuthorizationUrl(config, {
    redirect_uri: redirectUri,
    state,
    code_challenge: await client.calculatePKCECodeChallenge(verifier),
    code_challenge_method: "S256",
  });
  return { back: await signInAndAllow(url.href), verifier, state };
}

/** One bare exchange: openid-client alone, with its own client of the same tenant. */
async function bareExchange(config: client.Configuration, redirectUri: string): Promise<number> {
  const { back, verifier, state } = await freshCode(config, redirectUri);
  const t0 = performance.now();
  const tokens = await client.authorizationCodeGrant(config, back, { pkceCodeVerifier: verifier, expectedState: state });
  const ms = performance.now() - t0;
  if (!tokens.refresh_token) throw new Error("bare exchange: no refresh token");
  return ms;
}

/** One floor callback: the minimal relay takes the redirect, exchanges the code, answers 303. */
async function floorCallback(config: client.Configuration, relay: string): Promise<number> {
  const { back, verifier, state } = await freshCode(config, `${relay}/cb`);
  const prepared = await fetch(`${relay}/prepare`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ state, verifier }),
  });
  if (prepared.status !== 204) throw new Error(`floor prepare: ${prepared.status}`);
  const t0 = performance.now();
  const res = await fetch(`${relay}${back.pathname}${back.search}`, { redirect: "manual" });
  await res.arrayBuffer();
  const ms = performance.now() - t0;
  if (res.status !== 303 || res.headers.get("location") !== "/done") throw new Error(`floor callback: ${res.status} → ${res.headers.get("location")}`);
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

  const floorReg = await registerClient(simUrl, "acme", `http://127.0.0.1:${floorPort}/cb`);
  floor = runTs("src/bare-callback-server.ts", path.join(ROOT, "bench"), {
    PORT: String(floorPort),
    ISSUER: server.issuer,
    AUTHORIZATION_ENDPOINT: floorReg.authorizationEndpoint,
    TOKEN_ENDPOINT: floorReg.tokenEndpoint,
    CLIENT_ID: floorReg.clientId,
    CLIENT_SECRET: floorReg.clientSecret,
  });
  const relay = `http://127.0.0.1:${floorPort}`;
  await waitForUrl(`${relay}/health`, floor);
  const floorConfig = new client.Configuration(
    { ...server, authorization_endpoint: floorReg.authorizationEndpoint, token_endpoint: floorReg.tokenEndpoint },
    floorReg.clientId,
    undefined,
    client.ClientSecretPost(floorReg.clientSecret),
  );
  client.allowInsecureRequests(floorConfig);

  const consoleMs: number[] = [];
  const bareMs: number[] = [];
  const floorMs: number[] = [];
  const sides = [
    () => consoleCallback(connector.id).then((ms) => consoleMs.push(ms)),
    () => bareExchange(config, bareRedirect).then((ms) => bareMs.push(ms)),
    () => floorCallback(floorConfig, relay).then((ms) => floorMs.push(ms)),
  ];
  for (let i = 0; i < WARM_UP; i++) for (const side of sides) await side();
  consoleMs.length = bareMs.length = floorMs.length = 0;
  for (let i = 0; i < ROUNDS; i++) {
    // Rotating which goes first, so no side always has the quieter moment.
    for (const side of [...sides.slice(i % sides.length), ...sides.slice(0, i % sides.length)]) await side();
  }
  const c50 = quantile(consoleMs, 0.5);
  const b50 = quantile(bareMs, 0.5);
  const f50 = quantile(floorMs, 0.5);
  console.log(`\nconsent callback vs bare openid-client exchange, same simulator, ${ROUNDS} of each after ${WARM_UP} warm-up rounds`);
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
  console.log(
    `floor: minimal Express relay (exchange + 303)  median ${f50.toFixed(2)} ms, p90 ${quantile(floorMs, 0.9).toFixed(2)} ms, min ${Math.min(...floorMs).toFixed(2)} ms`,
  );
  console.log(`console / bare (medians): ${(c50 / b50).toFixed(2)}×   goal ≤ 1.5×: ${c50 / b50 <= 1.5 ? "met" : "NOT met"}`);
  console.log(`floor / bare: ${(f50 / b50).toFixed(2)}× (what any BFF's hop costs)   console / floor: ${(c50 / f50).toFixed(2)}× (what the console adds)`);
} finally {
  if (floor) await stop(floor);
  await stop(bff);
  await stop(sim);
  rmSync(work, { recursive: true, force: true });
}
