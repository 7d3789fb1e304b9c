import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import parsePrometheusTextFormat, { type MetricFamily } from "parse-prometheus-text-format";
import { apiErrorSchema, connectorStatusSchema, routes } from "@wc/contracts";
import { startBff, transcript, type Harness } from "./harness";
import { connect, preparedConnector, simApi, startStack } from "./sim-fixture";
import { walkRoutes } from "./routes-walk";
import { startMetricsServer } from "../src/platform/metrics/metrics-http";
import { openSqliteStore } from "../src/store/sqlite-store";

const TOKEN = "metrics-token-0123456789abcdef0123456789abcdef";
const bearer = { authorization: `Bearer ${TOKEN}` };
const P = "workday_connect_";

/** GET /metrics on the main port with the token, parsed by a Prometheus text-format parser. */
async function scrape(h: Harness): Promise<MetricFamily[]> {
  const res = await h.newClient().get("/metrics", bearer);
  expect(res.status, res.text).toBe(200);
  return parsePrometheusTextFormat(res.text);
}
function family(families: MetricFamily[], name: string): MetricFamily {
  const f = families.find((x) => x.name === name);
  if (!f) throw new Error(`no metric ${name} in ${families.map((x) => x.name).join(", ")}`);
  return f;
}
/** The sample's value whose labels include `labels`; 0 when there is none (a counter not yet counted). */
function value(families: MetricFamily[], name: string, labels: Record<string, string> = {}): number {
  const s = family(families, name).metrics.find((m) => Object.entries(labels).every(([k, v]) => m.labels?.[k] === v));
  return s?.value === undefined ? 0 : Number(s.value);
}
const statusGauge = (families: MetricFamily[]) =>
  Object.fromEntries(family(families, `${P}connectors`).metrics.map((m) => [m.labels?.status ?? "", Number(m.value)]));
async function statusCounts(h: Harness): Promise<Record<string, number>> {
  const counts: Record<string, number> = Object.fromEntries(connectorStatusSchema.options.map((s) => [s, 0]));
  for (const c of await h.store.listConnectors()) counts[c.status] = (counts[c.status] ?? 0) + 1;
  return counts;
}

let stack: Awaited<ReturnType<typeof startStack>>;
beforeAll(async () => {
  stack = await startStack({ metricsToken: TOKEN, startSyncAfterConsent: true, outboundTimeoutMs: 1000 });
});
afterAll(async () => {
  await stack.close();
});

describe("/metrics on the main port", () => {
  it("when scraped with the token, then the body parses as Prometheus text, is never cached and has every metric with every connector status", async () => {
    const res = await stack.bff.newClient().get("/metrics", bearer);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(res.headers.get("cache-control")).toBe("no-store");
    const families = parsePrometheusTextFormat(res.text);
    expect(families.map((f) => f.name)).toEqual(
      expect.arrayContaining([
        `${P}connectors`,
        `${P}health_checks_total`,
        `${P}health_check_duration_seconds`,
        `${P}token_refreshes_total`,
        `${P}activity_rows_stored_total`,
        `${P}activity_sync_lag_seconds`,
        `${P}notification_deliveries_total`,
        `${P}http_requests_total`,
        `${P}metrics_read_failures_total`,
      ]),
    );
    expect(family(families, `${P}connectors`).type).toBe("GAUGE");
    expect(Object.keys(statusGauge(families)).sort()).toEqual([...connectorStatusSchema.options].sort());
    expect(family(families, `${P}health_check_duration_seconds`).type).toBe("HISTOGRAM");
    // Every check × outcome exists from the start, so rate() has a series before the first failure.
    expect(family(families, `${P}health_checks_total`).metrics).toHaveLength(16);
    // Nothing sends notifications yet: the metric is declared and has no series.
    expect(family(families, `${P}notification_deliveries_total`).metrics).toEqual([]);
  });

  it("when a connector is created, consented, fails its token check and is disconnected, then the connector-status gauge follows each move", async () => {
    const { bff, sim } = stack;
    const before = statusGauge(await scrape(bff));
    expect(before).toEqual(await statusCounts(bff));

    const p = await preparedConnector(bff, sim);
    const afterDetails = statusGauge(await scrape(bff));
    expect(afterDetails).toEqual(await statusCounts(bff));
    expect(Object.values(afterDetails).reduce((a, b) => a + b, 0)).toBe(Object.values(before).reduce((a, b) => a + b, 0) + 1);

    await connect(bff.client, p.connector.id);
    await bff.activity.whenIdle(p.connector.id);
    const connected = await scrape(bff);
    expect(statusGauge(connected).connected).toBe((before.connected ?? 0) + 1);
    expect(statusGauge(connected)).toEqual(await statusCounts(bff));

    // The cached access token has expired and the integration account is disabled: the refresh gets invalid_grant.
    const refusedBefore = value(connected, `${P}token_refreshes_total`, { outcome: "invalid_grant" });
    const tokenFailedBefore = value(connected, `${P}health_checks_total`, { check: "token", outcome: "definitive" });
    bff.clock.now = new Date(Date.now() + 2 * 3600_000);
    await simApi(sim, "PATCH", "/tenants/acme/accounts/isu_wdconnect", { disabled: true });
    try {
      expect((await bff.client.post(routes.connectorChecks(p.connector.id))).status).toBe(200);
    } finally {
      await simApi(sim, "PATCH", "/tenants/acme/accounts/isu_wdconnect", { disabled: false });
      bff.clock.now = null;
    }
    const failed = await scrape(bff);
    const status = (await bff.store.getConnector(p.connector.id))?.status ?? "";
    expect(status).not.toBe("connected");
    expect(statusGauge(failed)[status]).toBe((statusGauge(connected)[status] ?? 0) + 1);
    expect(statusGauge(failed).connected).toBe((statusGauge(connected).connected ?? 0) - 1);
    expect(value(failed, `${P}token_refreshes_total`, { outcome: "invalid_grant" })).toBe(refusedBefore + 1);
    expect(value(failed, `${P}health_checks_total`, { check: "token", outcome: "definitive" })).toBe(tokenFailedBefore + 1);
    expect(value(failed, `${P}health_checks_total`, { check: "workers", outcome: "skipped" })).toBeGreaterThan(0);

    expect((await bff.client.post(routes.connectorDisconnect(p.connector.id))).status).toBe(200);
    const disconnected = statusGauge(await scrape(bff));
    expect(disconnected.disconnected).toBe((statusGauge(failed).disconnected ?? 0) + 1);
    expect(disconnected[status]).toBe((statusGauge(failed)[status] ?? 0) - 1);
    expect(disconnected).toEqual(await statusCounts(bff));
  });

  it("when a connector's backfill runs, then the rows it stored are counted and its sync lag is how far behind now its activity reaches", async () => {
    const { bff, sim } = stack;
    const rowsBefore = value(await scrape(bff), `${P}activity_rows_stored_total`);
    const p = await preparedConnector(bff, sim);
    await connect(bff.client, p.connector.id);
    await bff.activity.whenIdle(p.connector.id);
    const state = await bff.store.getSyncState(p.connector.id);
    expect(state?.coveredUntil).toBeTruthy();
    const stored = await bff.store.countActivity({ connectorId: p.connector.id });
    expect(stored).toBeGreaterThan(0);

    const families = await scrape(bff);
    expect(value(families, `${P}activity_rows_stored_total`) - rowsBefore).toBe(stored);
    const lag = value(families, `${P}activity_sync_lag_seconds`, { connector_id: p.connector.id });
    const expected = (Date.now() - Date.parse(state?.coveredUntil ?? "")) / 1000;
    // The default lag of 2 minutes behind now, plus the time since the window closed.
    expect(lag).toBeGreaterThanOrEqual(110);
    expect(Math.abs(lag - expected)).toBeLessThan(10);

    // A disconnected connector is not syncing: no lag that would grow for ever.
    await bff.client.post(routes.connectorDisconnect(p.connector.id));
    const after = family(await scrape(bff), `${P}activity_sync_lag_seconds`).metrics;
    expect(after.some((m) => m.labels?.connector_id === p.connector.id)).toBe(false);
  });

  it("when requests name a connector in their path, then they are counted by route template, never by the id", async () => {
    const { bff } = stack;
    const p = await preparedConnector(bff, stack.sim);
    const id = p.connector.id;
    const key = { method: "GET", route: "/api/connectors/:id", status: "200" };
    const before = await scrape(bff);
    expect((await bff.client.get(routes.connector(id))).status).toBe(200);
    expect((await bff.client.get(routes.connector(id))).status).toBe(200);
    expect((await bff.client.get(routes.connector("no-such-connector-4711"))).status).toBe(404);
    expect((await bff.client.get(`/api/no-such-route/${id}?code=secret-code-4711`)).status).toBe(404);
    expect((await bff.newClient().get(routes.connector(id))).status).toBe(401);

    const after = await scrape(bff);
    const counted = (labels: Record<string, string>) => value(after, `${P}http_requests_total`, labels) - value(before, `${P}http_requests_total`, labels);
    expect(counted(key)).toBe(2);
    expect(counted({ ...key, status: "404" })).toBe(1);
    expect(counted({ ...key, status: "401" })).toBe(1);
    expect(counted({ method: "GET", route: "unmatched", status: "404" })).toBe(1);
    expect(counted({ method: "GET", route: "/metrics", status: "200" })).toBeGreaterThan(0);
    const labels = family(after, `${P}http_requests_total`).metrics.flatMap((m) => Object.values(m.labels ?? {}));
    for (const leak of [id, "no-such-connector-4711", "secret-code-4711", "no-such-route"]) {
      expect(
        labels.some((l) => l.includes(leak)),
        leak,
      ).toBe(false);
    }
  });

  it("when a router's own root route answers (the connectors list), then its label is the mount path without a trailing slash", async () => {
    const { bff } = stack;
    const before = await scrape(bff);
    expect((await bff.client.get(routes.connectors)).status).toBe(200);
    const after = await scrape(bff);
    const counted = (route: string) =>
      value(after, `${P}http_requests_total`, { method: "GET", route, status: "200" }) -
      value(before, `${P}http_requests_total`, { method: "GET", route, status: "200" });
    expect(counted("/api/connectors")).toBe(1);
    const routesSeen = family(after, `${P}http_requests_total`).metrics.map((m) => String(m.labels?.route));
    expect(routesSeen.filter((r) => r.length > 1 && r.endsWith("/"))).toEqual([]);
  });

  it("when the token is missing or wrong, then 401 in the error shape with a Bearer challenge; the right one in any case of 'Bearer' is let in", async () => {
    const c = stack.bff.newClient();
    for (const authorization of [
      undefined,
      "Bearer wrong-token-0123456789abcdef0123456789",
      `Bearer ${TOKEN}x`,
      `Basic ${Buffer.from(`x:${TOKEN}`).toString("base64")}`,
      TOKEN,
    ]) {
      const res = await c.get("/metrics", authorization === undefined ? {} : { authorization });
      expect(res.status, authorization).toBe(401);
      expect(apiErrorSchema.parse(res.json()).error.code).toBe("unauthenticated");
      expect(res.headers.get("www-authenticate")).toMatch(/^Bearer /);
      expect(res.headers.get("cache-control")).toBe("no-store");
      expect(res.text).not.toContain("workday_connect_");
    }
    expect((await c.get("/metrics", { authorization: `bearer ${TOKEN}` })).status).toBe(200);
    // Only GET: a POST (even with the token) is no route.
    expect((await c.post("/metrics", {}, bearer)).status).toBe(404);
  });

  it("when the token is set, then GET /metrics is a route marked public (the token, not a session, guards it)", () => {
    const found = walkRoutes(stack.bff.app as unknown as Parameters<typeof walkRoutes>[0]).filter((r) => r.path === "/metrics");
    expect(found).toEqual([{ method: "GET", path: "/metrics", access: "public", sessionOnly: false }]);
  });

  it("when everything above has been logged and answered, then the token appears in no log line and no response", () => {
    const haystack = [...transcript, ...stack.bff.logs].join("\n");
    expect(haystack).not.toContain(TOKEN);
    expect(stack.bff.logs.join("\n")).toContain('"path":"/metrics"');
  });
});

describe("/metrics without a token", () => {
  it("when no METRICS_TOKEN is configured, then /metrics on the main port is 404 in the error shape, even with the SPA served", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "wc-metrics-spa-"));
    writeFileSync(path.join(dir, "index.html"), "<!doctype html><title>console</title>");
    const h = await startBff({ webDistDir: dir });
    try {
      for (const headers of [{}, bearer]) {
        const res = await h.newClient().get("/metrics", headers);
        expect(res.status).toBe(404);
        expect(apiErrorSchema.parse(res.json()).error.code).toBe("not_found");
      }
      expect((await h.newClient().get("/some/page")).text).toContain("<title>console</title>");
      expect(walkRoutes(h.app as unknown as Parameters<typeof walkRoutes>[0]).some((r) => r.path === "/metrics")).toBe(false);
    } finally {
      await h.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("a store failure during a scrape", () => {
  it("when the store cannot count connectors, then the scrape still answers 200, leaves that gauge out, counts the failure and logs a warning without a stack", async () => {
    const real = openSqliteStore(":memory:");
    const store = { ...real, countConnectorsByStatus: () => Promise.reject(new Error("database is locked")) };
    const h = await startBff({ store, metricsToken: TOKEN, noAccounts: true });
    try {
      const families = await scrape(h);
      expect(family(families, `${P}connectors`).metrics).toEqual([]);
      expect(value(families, `${P}metrics_read_failures_total`, { metric: `${P}connectors` })).toBe(1);
      expect(family(families, `${P}activity_sync_lag_seconds`).type).toBe("GAUGE");
      const warning = h.logs.map((l) => JSON.parse(l) as Record<string, unknown>).find((l) => l.level === 40 && String(l.msg).startsWith("metrics:"));
      expect(warning).toMatchObject({ metric: `${P}connectors`, reason: "database is locked" });
      expect(JSON.stringify(warning)).not.toMatch(/\bat .*\.ts:\d+/);
    } finally {
      await h.close();
      await real.close();
    }
  });
});

describe("the METRICS_PORT listener", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startBff({ processMetrics: true });
  });
  afterAll(async () => {
    await h.close();
  });

  it("when started with the default host, then it answers /metrics on 127.0.0.1 only, with process metrics, and nothing else", async () => {
    const m = await startMetricsServer({ host: "127.0.0.1", port: 0, metrics: h.app.metrics, log: { error: () => undefined } });
    try {
      const port = new URL(m.url).port;
      expect(m.url).toBe(`http://127.0.0.1:${port}/metrics`);
      const res = await fetch(m.url);
      expect(res.status).toBe(200);
      expect(res.headers.get("cache-control")).toBe("no-store");
      const families = parsePrometheusTextFormat(await res.text());
      expect(Object.keys(statusGauge(families)).sort()).toEqual([...connectorStatusSchema.options].sort());
      for (const name of ["process_cpu_user_seconds_total", "process_resident_memory_bytes", "nodejs_eventloop_lag_seconds", "nodejs_heap_size_used_bytes"]) {
        expect(families.map((f) => f.name)).toContain(`${P}${name}`);
      }
      // No session or token on this port: it is reachable from this machine only.
      const other = await fetch(`http://127.0.0.2:${port}/metrics`).then(
        (r) => `answered ${r.status}`,
        (e: unknown) => (e as { cause?: { code?: string } }).cause?.code ?? String(e),
      );
      expect(other).toBe("ECONNREFUSED");
      const elsewhere = await fetch(`http://127.0.0.1:${port}/api/connectors`);
      expect(elsewhere.status).toBe(404);
      expect(apiErrorSchema.parse(await elsewhere.json()).error.code).toBe("not_found");
      // Compressed as on the main port when the scraper asks (Prometheus sends Accept-Encoding: gzip).
      const gz = await fetch(m.url, { headers: { "accept-encoding": "gzip" } });
      expect(gz.status).toBe(200);
      expect(gz.headers.get("content-encoding")).toBe("gzip");
      expect(gz.headers.get("vary")).toMatch(/accept-encoding/i);
      expect(Object.keys(statusGauge(parsePrometheusTextFormat(await gz.text()))).sort()).toEqual([...connectorStatusSchema.options].sort());
      const post = await fetch(m.url, { method: "POST" });
      expect(post.status).toBe(405);
      expect(post.headers.get("allow")).toBe("GET, HEAD");
    } finally {
      await m.close();
    }
  });

  it("when the exposition cannot be rendered at all, then 503 in the error shape, no stack, and the next scrape works again", async () => {
    let fail = true;
    const errors: unknown[] = [];
    const metrics = {
      contentType: h.app.metrics.contentType,
      render: () => (fail ? Promise.reject(new Error("collector exploded")) : h.app.metrics.render()),
    };
    const m = await startMetricsServer({ host: "127.0.0.1", port: 0, metrics, log: { error: (o: unknown) => void errors.push(o) } });
    try {
      const res = await fetch(m.url);
      expect(res.status).toBe(503);
      expect(res.headers.get("cache-control")).toBe("no-store");
      const text = await res.text();
      expect(apiErrorSchema.parse(JSON.parse(text)).error.code).toBe("unavailable");
      expect(text).not.toContain("collector exploded");
      expect(text).not.toMatch(/\bat .*\.[jt]s:\d+/);
      expect(errors).toHaveLength(1);
      fail = false;
      expect((await fetch(m.url)).status).toBe(200);
    } finally {
      await m.close();
    }
  });
});
