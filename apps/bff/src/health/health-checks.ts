import type { CheckResult } from "@wc/contracts";
import { activityLoggingUrl, classifyCheckResponse, failedWith, PASS, workersUrl, type ActivityRecord, type CheckId, type UpstreamOutcome } from "@wc/workday";
import { authorizedSession, describeResponse, type ApiAnswer, type ApiDeps, type UpstreamFailure, type WorkdayDeps } from "../workday";
import type { ConnectorRecord } from "../store/types";
import { probeConsentRow, shouldProbeConsent } from "./consent-probe";

export interface CheckRun {
  result: CheckResult;
  /** What the check's answer means; a skipped check judges nothing, so it passes. */
  outcome: UpstreamOutcome;
  retryAfter: string | null;
}

export interface CheckSequence {
  runs: CheckRun[];
  /** Workday's consent row for the current connection, when the activity check could read it. */
  consentRow: ActivityRecord | null;
}

/** What the checks use: the connector's tokens, the guarded fetch and the clock. */
export type CheckDeps = Omit<ApiDeps, "store"> & Pick<WorkdayDeps, "now">;

const toSeconds = (d: Date) => d.toISOString().replace(/\.\d{3}Z$/, "Z");

/**
 * The live checks, in order. Each proves a row of the prerequisite table; a failed token check
 * skips the API checks (nothing to call them with). `onResult` sees each result as it lands.
 */
export async function runCheckSequence(d: CheckDeps, c: ConnectorRecord, onResult: (r: CheckRun) => void): Promise<CheckSequence> {
  const runs: CheckRun[] = [];
  const emit = (r: CheckRun) => {
    runs.push(r);
    onResult(r);
  };
  const env = c.environment;
  const started = Date.now();
  const session = await authorizedSession(d, c);
  if (!session.token.ok) {
    emit(fromFailure("token", session.token.failure, env, started, d));
    for (const id of ["rest_api", "workers", "activity_logging"] as const) emit(skipped(id, d));
    return { runs, consentRow: null };
  }
  emit(result("token", PASS, null, started, d, null));
  const rest = c.restApiEndpoint ?? "";
  const get = async (url: string) => (await session.get(url)).answer;

  const urls = deriveUrls(rest);
  if (!urls) {
    // Not a Workday REST API Endpoint shape: nothing sensible to call; the admin must fix the field.
    const detail = "The Workday REST API Endpoint does not end in /ccx/api/v1/<tenant>.";
    for (const id of ["rest_api", "workers", "activity_logging"] as const) {
      emit(result(id, failedWith("rest_endpoint_not_found"), detail, Date.now(), d, null));
    }
    return { runs, consentRow: null };
  }
  const t1 = Date.now();
  const workers = await get(`${urls.workers}?limit=1`);
  emit(apiRun("rest_api", workers, env, t1, d));
  emit(apiRun("workers", workers, env, t1, d));

  const t2 = Date.now();
  const now = d.now();
  // The consent itself is audited ("Submit OAuth 2.0 Consent"), so with logging on this window
  // can never be empty: zero rows means User Activity Logging is off (inferred, docs/workday.md §4a).
  // Margins on both sides absorb clock skew between this console and Workday.
  const from = new Date(Date.parse(c.connectedAt ?? now.toISOString()) - 60 * 60_000);
  const to = new Date(now.getTime() + 60_000);
  const query = new URLSearchParams({ from: toSeconds(from), to: toSeconds(to), type: "userActivity", returnUserActivityEntryCount: "true" });
  const activity = await get(`${urls.activity}?${query.toString()}`);
  const run = apiRun("activity_logging", activity, env, t2, d);
  const count = run.result.ok && activity.ok ? entryCount(activity.body) : null;
  if (count === 0) {
    emit(
      result("activity_logging", failedWith("activity_logging_disabled"), "No user activity recorded since consent, not even the consent itself.", t2, d, null),
    );
  } else emit(run);
  // After the result is out, so the check is not slowed; only when there is activity to read.
  const consentRow = count !== null && count > 0 && shouldProbeConsent(c, now) ? await probeConsentRow(get, urls.activity, c.connectedAt, now) : null;
  return { runs, consentRow };
}

function deriveUrls(rest: string): { workers: string; activity: string } | null {
  try {
    return { workers: workersUrl(rest), activity: activityLoggingUrl(rest) };
  } catch {
    return null;
  }
}

function apiRun(id: CheckId, a: ApiAnswer, env: ConnectorRecord["environment"], t0: number, d: Pick<WorkdayDeps, "now">): CheckRun {
  if (!a.ok) return fromFailure(id, a.failure, env, t0, d, a.tokenFailure ? "token" : id);
  const c = classifyCheckResponse({ check: id, httpStatus: a.status, body: a.body, environment: env });
  return result(id, c, c.outcome === "pass" ? null : describeResponse(a.status, a.body), t0, d, a.retryAfter);
}

/** `judgeAs` lets an API check that failed on its token refresh be judged like the token check. */
function fromFailure(
  id: CheckId,
  f: UpstreamFailure,
  env: ConnectorRecord["environment"],
  t0: number,
  d: Pick<WorkdayDeps, "now">,
  judgeAs: CheckId = id,
): CheckRun {
  const c = classifyCheckResponse({
    check: judgeAs,
    httpStatus: f.httpStatus,
    body: f.body,
    environment: env,
    ...(f.networkError ? { networkError: f.networkError } : {}),
  });
  return result(id, c, f.detail, t0, d, f.retryAfter);
}

function result(id: CheckId, c: UpstreamOutcome, detail: string | null, t0: number, d: Pick<WorkdayDeps, "now">, retryAfter: string | null): CheckRun {
  const ok = c.outcome === "pass";
  return {
    result: {
      id,
      ok,
      skipped: false,
      reasonCode: ok ? null : c.reasonCode,
      detail: ok ? null : detail,
      at: d.now().toISOString(),
      durationMs: Date.now() - t0,
    },
    outcome: c,
    retryAfter,
  };
}

function skipped(id: CheckId, d: Pick<WorkdayDeps, "now">): CheckRun {
  return {
    result: { id, ok: false, skipped: true, reasonCode: null, detail: "Not run: no access token.", at: d.now().toISOString(), durationMs: 0 },
    outcome: PASS,
    retryAfter: null,
  };
}

function entryCount(body: unknown): number | null {
  if (typeof body !== "object" || body === null || !("data" in body)) return null;
  const first: unknown = Array.isArray(body.data) ? body.data[0] : undefined;
  if (typeof first !== "object" || first === null || !("userActivityEntryCount" in first)) return null;
  return typeof first.userActivityEntryCount === "number" ? first.userActivityEntryCount : null;
}
