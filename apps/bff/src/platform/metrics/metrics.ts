import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from "prom-client";
import type { Logger } from "pino";

/** Every metric's name starts with this (docs/metrics.md lists them). */
export const METRIC_PREFIX = "workday_connect_";

/** How a health check ended: the classifier's own outcomes (packages/workday classify-check-response.ts), or not run. */
export type CheckOutcome = "pass" | "transient" | "definitive" | "skipped";
export const CHECK_OUTCOMES: readonly CheckOutcome[] = ["pass", "transient", "definitive", "skipped"];

/**
 * What the capabilities record. Their deps carry it as `metrics` (app.ts wires it); nothing else
 * of prom-client reaches them, so a test can pass a fake.
 */
export interface Metrics {
  /** One health check finished; `seconds` is null for a check that did not run. */
  checkFinished(check: string, outcome: CheckOutcome, seconds: number | null): void;
  /** A refresh_token grant this process sent to Workday: "ok" or the failure's reason code (invalid_grant, …). */
  tokenRefreshed(outcome: string): void;
  /** Activity rows newly stored (a row already stored is not counted again). */
  activityRowsStored(rows: number): void;
  /** One notification delivery attempt, with the outcome its log shows (delivered, retrying, gave_up). */
  notificationDelivered(channelType: string, outcome: string): void;
  /** A new alert raised by an activity policy (rows added to an open alert are not counted). */
  alertRaised(severity: string): void;
}

/** Figures read from the store at scrape time (app.ts supplies them: platform/ knows no store). */
export interface StoredFigures {
  /** Connectors per status, every status present (0 when none). */
  connectorsByStatus(): Promise<Record<string, number>>;
  /** Seconds between now and how far each syncing connector's stored activity reaches. */
  syncLagSeconds(): Promise<{ connectorId: string; seconds: number }[]>;
}

export interface AppMetrics extends Metrics {
  /** This app's registry. Scrape through `render()`: `registry.metrics()` alone would skip refreshing the stored figures. */
  readonly registry: Registry;
  /** The Content-Type of `render()`'s text (Prometheus text format 0.0.4). */
  readonly contentType: string;
  /** Reads the stored figures, then renders the exposition text. A figure the store cannot give is left out (logged, and counted), never a failed scrape. */
  render(): Promise<string>;
  /** One answered request, by route template (never the raw path) and status. */
  httpRequest(method: string, route: string, status: number): void;
}

export interface MetricsOptions {
  figures: StoredFigures;
  /** Known check ids, so every check × outcome series exists from the first scrape. */
  checkIds: readonly string[];
  log: Pick<Logger, "warn">;
  /** prom-client's process and Node.js metrics (CPU, memory, event loop, GC, handles). */
  processMetrics: boolean;
}

/** Bounded label values for the HTTP method: anything else is "OTHER". */
const METHODS = new Set(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]);

/**
 * One registry per app: tests build many apps in one process, and prom-client's global default
 * registry would mix them (and refuse a second metric of the same name).
 */
export function createMetrics(o: MetricsOptions): AppMetrics {
  const registry = new Registry();
  const registers = [registry];
  const name = (n: string) => `${METRIC_PREFIX}${n}`;

  const connectors = new Gauge({
    name: name("connectors"),
    help: "Connectors by status, read from the store at scrape time (every status present, 0 when none).",
    labelNames: ["status"] as const,
    registers,
  });
  const syncLag = new Gauge({
    name: name("activity_sync_lag_seconds"),
    help: "Per syncing connector: seconds since the end of its last completed activity window (stored activity reaches that far).",
    labelNames: ["connector_id"] as const,
    registers,
  });
  const readFailures = new Counter({
    name: name("metrics_read_failures_total"),
    help: "Scrapes that left a stored figure out because the store could not be read, by metric.",
    labelNames: ["metric"] as const,
    registers,
  });
  /**
   * Refills a store-backed gauge before the registry is rendered (so a failure is counted in the
   * same scrape); on a store failure the gauge is left empty for this scrape and a warning logged.
   */
  const refill = async <L extends string, T>(g: Gauge<L>, metric: string, read: () => Promise<T>, fill: (value: T) => void) => {
    try {
      const value = await read();
      g.reset();
      fill(value);
    } catch (err) {
      g.reset();
      readFailures.inc({ metric });
      o.log.warn(
        { metric, reason: err instanceof Error ? err.message : String(err) },
        "metrics: could not read the store; the figure is left out of this scrape",
      );
    }
  };
  const readStore = () =>
    Promise.all([
      refill(
        connectors,
        name("connectors"),
        () => o.figures.connectorsByStatus(),
        (counts) => {
          for (const [status, n] of Object.entries(counts)) connectors.set({ status }, n);
        },
      ),
      refill(
        syncLag,
        name("activity_sync_lag_seconds"),
        () => o.figures.syncLagSeconds(),
        (lags) => {
          for (const l of lags) syncLag.set({ connector_id: l.connectorId }, l.seconds);
        },
      ),
    ]);

  const checks = new Counter({
    name: name("health_checks_total"),
    help: "Health checks finished, by check and outcome (pass, transient, definitive, skipped).",
    labelNames: ["check", "outcome"] as const,
    registers,
  });
  for (const check of o.checkIds) for (const outcome of CHECK_OUTCOMES) checks.inc({ check, outcome }, 0);
  const checkDuration = new Histogram({
    name: name("health_check_duration_seconds"),
    help: "How long each health check that ran took, by check.",
    labelNames: ["check"] as const,
    buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 15, 30],
    registers,
  });
  const tokenRefreshes = new Counter({
    name: name("token_refreshes_total"),
    help: "Refresh-token grants sent to Workday by this process, by outcome (ok, or the reason code: invalid_grant, token_endpoint_unavailable, …).",
    labelNames: ["outcome"] as const,
    registers,
  });
  const rowsStored = new Counter({
    name: name("activity_rows_stored_total"),
    help: "Workday activity rows newly stored by this process (rows already stored are not counted again).",
    registers,
  });
  const alerts = new Counter({
    name: name("activity_alerts_raised_total"),
    help: "Alerts raised by activity policies in this process, by severity (rows added to an open alert are not counted).",
    labelNames: ["severity"] as const,
    registers,
  });
  for (const severity of ["low", "medium", "high"]) alerts.inc({ severity }, 0);
  const deliveries = new Counter({
    name: name("notification_deliveries_total"),
    help: "Notification delivery attempts by channel type and outcome (delivered, retrying, gave_up).",
    labelNames: ["channel_type", "outcome"] as const,
    registers,
  });
  const httpRequests = new Counter({
    name: name("http_requests_total"),
    help: 'HTTP requests answered on the main port, by method, route template ("unmatched" when no route took it) and status code.',
    labelNames: ["method", "route", "status"] as const,
    registers,
  });

  if (o.processMetrics) collectDefaultMetrics({ register: registry, prefix: METRIC_PREFIX });

  return {
    registry,
    contentType: registry.contentType,
    async render() {
      await readStore();
      return registry.metrics();
    },
    checkFinished(check, outcome, seconds) {
      checks.inc({ check, outcome });
      if (seconds !== null) checkDuration.observe({ check }, seconds);
    },
    tokenRefreshed(outcome) {
      tokenRefreshes.inc({ outcome });
    },
    activityRowsStored(rows) {
      if (rows > 0) rowsStored.inc(rows);
    },
    alertRaised(severity) {
      alerts.inc({ severity });
    },
    notificationDelivered(channelType, outcome) {
      deliveries.inc({ channel_type: channelType, outcome });
    },
    httpRequest(method, route, status) {
      httpRequests.inc({ method: METHODS.has(method) ? method : "OTHER", route, status: String(status) });
    },
  };
}
