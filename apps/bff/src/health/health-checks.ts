import type { CheckResult } from "@wc/contracts";
import { activityLoggingUrl, classifyCheckResponse, workersUrl, type CheckId, type ReasonCode } from "@wc/workday";
import { describeResponse, type UpstreamFailure, callApi, type ApiAnswer, type TokenService } from "../workday";
import type { ConnectorRecord } from "../store/types";
import type { ConsentDeps } from "../consent";

export interface CheckRun {
  result: CheckResult;
  transient: boolean;
  retryAfter: string | null;
}

type Classified = { outcome: "pass" } | { outcome: "transient" | "definitive"; reasonCode: ReasonCode };

const toSeconds = (d: Date) => d.toISOString().replace(/\.\d{3}Z$/, "Z");

/**
 * The live checks, in order. Each proves a row of the prerequisite table; a failed token check
 * skips the API checks (nothing to call them with). `onResult` sees each result as it lands.
 */
export async function runCheckSequence(d: ConsentDeps, tokens: TokenService, c: ConnectorRecord, onResult: (r: CheckRun) => void): Promise<CheckRun[]> {
  const runs: CheckRun[] = [];
  const emit = (r: CheckRun) => {
    runs.push(r);
    onResult(r);
  };
  const env = c.environment;
  const started = Date.now();
  const token = await tokens.accessToken(c);
  if (!token.ok) {
    emit(fromFailure("token", token.failure, env, started, d));
    for (const id of ["rest_api", "workers", "activity_logging"] as const) emit(skipped(id, d));
    return runs;
  }
  emit(result("token", { outcome: "pass" }, null, started, d, null));

  let accessToken = token.accessToken;
  const rest = c.restApiEndpoint ?? "";
  let refreshed = token.refreshed;
  const get = async (url: string): Promise<ApiAnswer> => {
    const res = await callApi(d, url, accessToken);
    if (!res.ok || res.status !== 401 || refreshed) return res;
    // A cached token may have been revoked early (a sandbox refresh does that): refresh once and
    // judge by what the token endpoint says, which names the real cause.
    refreshed = true;
    const again = await tokens.accessToken(c, { force: true });
    if (!again.ok) return { ok: false, failure: again.failure, tokenFailure: true };
    accessToken = again.accessToken;
    return callApi(d, url, accessToken);
  };

  const urls = deriveUrls(rest);
  if (!urls) {
    // Not a Workday REST API Endpoint shape: nothing sensible to call; the admin must fix the field.
    const detail = "The Workday REST API Endpoint does not end in /ccx/api/v1/<tenant>.";
    for (const id of ["rest_api", "workers", "activity_logging"] as const) {
      emit(result(id, { outcome: "definitive", reasonCode: "rest_endpoint_not_found" }, detail, Date.now(), d, null));
    }
    return runs;
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
  if (run.result.ok && activity.ok && entryCount(activity.body) === 0) {
    emit(result("activity_logging", { outcome: "definitive", reasonCode: "activity_logging_disabled" }, "No user activity recorded since consent, not even the consent itself.", t2, d, null));
  } else emit(run);
  return runs;
}

function deriveUrls(rest: string): { workers: string; activity: string } | null {
  try {
    return { workers: workersUrl(rest), activity: activityLoggingUrl(rest) };
  } catch {
    return null;
  }
}

function apiRun(id: CheckId, a: ApiAnswer, env: ConnectorRecord["environment"], t0: number, d: ConsentDeps): CheckRun {
  if (!a.ok) return fromFailure(id, a.failure, env, t0, d, a.tokenFailure ? "token" : id);
  const c = classifyCheckResponse({ check: id, httpStatus: a.status, body: a.body, environment: env });
  return result(id, c, c.outcome === "pass" ? null : describeResponse(a.status, a.body), t0, d, a.retryAfter);
}

/** `judgeAs` lets an API check that failed on its token refresh be judged like the token check. */
function fromFailure(id: CheckId, f: UpstreamFailure, env: ConnectorRecord["environment"], t0: number, d: ConsentDeps, judgeAs: CheckId = id): CheckRun {
  const c = classifyCheckResponse({ check: judgeAs, httpStatus: f.httpStatus, body: f.body, environment: env, ...(f.networkError ? { networkError: f.networkError } : {}) });
  return result(id, c, f.detail, t0, d, f.retryAfter);
}

function result(id: CheckId, c: Classified, detail: string | null, t0: number, d: ConsentDeps, retryAfter: string | null): CheckRun {
  const ok = c.outcome === "pass";
  return {
    result: { id, ok, skipped: false, reasonCode: ok ? null : c.reasonCode, detail: ok ? null : detail, at: d.now().toISOString(), durationMs: Date.now() - t0 },
    transient: c.outcome === "transient",
    retryAfter,
  };
}

function skipped(id: CheckId, d: ConsentDeps): CheckRun {
  return { result: { id, ok: false, skipped: true, reasonCode: null, detail: "Not run: no access token.", at: d.now().toISOString(), durationMs: 0 }, transient: false, retryAfter: null };
}

function entryCount(body: unknown): number | null {
  if (typeof body !== "object" || body === null || !("data" in body)) return null;
  const first: unknown = Array.isArray(body.data) ? body.data[0] : undefined;
  if (typeof first !== "object" || first === null || !("userActivityEntryCount" in first)) return null;
  return typeof first.userActivityEntryCount === "number" ? first.userActivityEntryCount : null;
}
