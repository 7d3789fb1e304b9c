import {
  backoffDelayMs,
  classifyActivityAnswer,
  classifyTokenFailureForSync,
  parseActivityPage,
  parseRetryAfter,
  statusRule,
  type ActivityRecord,
  type PageRequest,
  type ReasonCode,
} from "@wc/workday";
import { describeResponse, authorizedGet, type ApiAnswer } from "../workday";
import { sleep, type ActivityDeps } from "./activity-deps";

export type PageFetch =
  | { kind: "page"; rows: ActivityRecord[]; total: number | null }
  /** Workday refused the offset: the caller re-anchors. */
  | { kind: "reanchor" }
  /** Someone must act; the run stays where it is. */
  | { kind: "stop"; reasonCode: ReasonCode; detail: string }
  /** Still failing after the attempts (or asked to wait long): try again after `waitMs`. */
  | { kind: "later"; reasonCode: ReasonCode; detail: string; waitMs: number }
  /** Shutting down, or the connector was disconnected or deleted meanwhile. */
  | { kind: "aborted" };

export interface PageFetchContext {
  connectorId: string;
  activityUrl: string;
  environment: "production" | "sandbox" | null;
  signal: AbortSignal;
  /** Called on every transient failure, before waiting (the connector's health counts them). */
  onTransient: (reasonCode: ReasonCode, detail: string) => Promise<void>;
  /**
   * A page asked for ahead (activity-sync.ts): one attempt, and any answer but a page or a
   * re-anchor is dropped as `aborted`, unjudged; the page is asked for again in turn, where its
   * failure counts, waits and retries as any page's.
   */
  once?: boolean;
}

type Judged =
  | { kind: "use"; rows: ActivityRecord[]; total: number | null }
  | { kind: "retry"; reasonCode: ReasonCode; detail: string; retryAfter: string | null }
  | Exclude<PageFetch, { kind: "page" | "later" | "aborted" }>;

/**
 * One page of activityLogging, retried in place: 429 waits Retry-After, 5xx/timeouts/resets back
 * off with jitter; a 401 gets one token refresh (authorizedGet); never throws.
 */
export async function fetchActivityPage(d: ActivityDeps, x: PageFetchContext, req: PageRequest): Promise<PageFetch> {
  const query = new URLSearchParams({ from: req.from, to: req.to, type: "userActivity", limit: String(req.limit), offset: String(req.offset) });
  const url = `${x.activityUrl}?${query.toString()}`;
  const api = { ...d, fetch: d.syncFetch };
  for (let attempt = 0; ;) {
    if (x.signal.aborted) return { kind: "aborted" };
    const c = await d.store.getConnector(x.connectorId);
    if (!c || !statusRule(c.status).syncs) return { kind: "aborted" };
    const got = await authorizedGet(api, x.connectorId, url, x.signal);
    // Stopped meanwhile (shutdown, a lost lease, a page asked ahead no longer wanted): the request
    // was abandoned, and its failure is not Workday's.
    if (!got || x.signal.aborted) return { kind: "aborted" };
    const judged = judge(got.answer, got.refreshed, x.environment, req.offset);
    if (x.once && judged.kind !== "use" && judged.kind !== "reanchor") return { kind: "aborted" };
    if (judged.kind === "use") return { kind: "page", rows: judged.rows, total: judged.total };
    if (judged.kind !== "retry") return judged;
    attempt++;
    await x.onTransient(judged.reasonCode, judged.detail);
    const backoff = backoffDelayMs(attempt - 1, { baseMs: d.activity.backoffBaseMs, maxMs: d.activity.maxInlineWaitMs, random: d.activity.random });
    const retryAfter = parseRetryAfter(judged.retryAfter, d.now());
    const waitMs = judged.reasonCode === "rate_limited" && retryAfter !== null ? retryAfter : backoff;
    if (attempt >= d.activity.maxAttempts || waitMs > d.activity.maxInlineWaitMs) {
      return { kind: "later", reasonCode: judged.reasonCode, detail: judged.detail, waitMs: Math.max(waitMs, backoff) };
    }
    await sleep(waitMs, x.signal);
  }
}

function judge(answer: ApiAnswer, refreshed: boolean, environment: PageFetchContext["environment"], offset: number): Judged {
  if (!answer.ok) {
    const f = answer.failure;
    if (answer.tokenFailure) {
      const t = classifyTokenFailureForSync({
        httpStatus: f.httpStatus,
        body: f.body,
        environment,
        ...(f.networkError ? { networkError: f.networkError } : {}),
      });
      return t.outcome === "transient"
        ? { kind: "retry", reasonCode: t.reasonCode, detail: f.detail, retryAfter: f.retryAfter }
        : { kind: "stop", reasonCode: t.reasonCode, detail: f.detail };
    }
    const a = classifyActivityAnswer({
      httpStatus: null,
      body: null,
      environment,
      offset,
      refreshed,
      ...(f.networkError ? { networkError: f.networkError } : {}),
    });
    return a.outcome === "definitive"
      ? { kind: "stop", reasonCode: a.reasonCode, detail: f.detail }
      : { kind: "retry", reasonCode: a.outcome === "transient" ? a.reasonCode : "workday_unavailable", detail: f.detail, retryAfter: null };
  }
  const detail = describeResponse(answer.status, answer.body);
  const a = classifyActivityAnswer({ httpStatus: answer.status, body: answer.body, environment, offset, refreshed });
  switch (a.outcome) {
    case "pass": {
      const page = parseActivityPage(answer.body);
      return page.ok
        ? { kind: "use", rows: page.rows, total: page.total }
        : { kind: "retry", reasonCode: "malformed_response", detail: `${detail} · ${page.problem}`, retryAfter: null };
    }
    case "reanchor":
      return { kind: "reanchor" };
    case "definitive":
      return { kind: "stop", reasonCode: a.reasonCode, detail };
    case "transient":
      return { kind: "retry", reasonCode: a.reasonCode, detail, retryAfter: answer.retryAfter };
    case "refresh_token":
      // Not reached: authorizedGet already refreshed once, so a 401 arrives here as final.
      return { kind: "stop", reasonCode: "access_token_rejected", detail };
  }
}
