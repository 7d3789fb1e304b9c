import { hashState, transactionExpiresAt } from "../platform/crypto/oauth-state";
import type { ConsentOutcome } from "@wc/contracts";
import { authorizeRequestParamsIn, authorizeRequestParamsMessage, classifyAuthorizeError, ENDPOINT_LABELS, redirectUriFor, type ReasonCode } from "@wc/workday";
import { AppError } from "../platform/http/app-error";
import {
  buildAuthorizationRequest,
  exchangeCode,
  workdayConfiguration,
  type WorkdayClientParams,
  classifyTokenFailure,
  safe,
  openSecret,
  sealSecret,
  sealTokens,
  workdayClientOf,
  type WorkdayDeps,
} from "../workday";
import type { ConnectorRecord, OAuthTransaction, SessionRecord } from "../store/types";
import { loadConnector } from "../connectors";
import { consentCompletedEvent } from "../notifications";

/** Consent calls Workday's token endpoint with the connector's secrets and redirects back to PUBLIC_URL. */
export interface ConsentDeps extends WorkdayDeps {
  publicUrl: string;
  /** Told after a consent succeeded (first connection or reconnect): the activity backfill starts here. */
  onConnected?: (connectorId: string) => void;
}

function clientParams(d: ConsentDeps, c: ConnectorRecord): WorkdayClientParams {
  const params = workdayClientOf(d.keyring, c);
  if (params) return params;
  throw new AppError(409, "not_ready", "Enter the client details before connecting.", {
    clientId: "Save Client ID, Client Secret and the endpoints first (Enter details step).",
  });
}

/**
 * An Authorization Endpoint saved before such parameters were refused on the field: sending the
 * admin to it would hand Workday a stale state or another redirect_uri, so they re-save it first.
 */
function refuseCarriedRequestParams(authorizationEndpoint: string) {
  const carried = authorizeRequestParamsIn(authorizationEndpoint);
  if (carried.length === 0) return;
  throw new AppError(409, "not_ready", `The saved Authorization Endpoint carries ${carried.join(", ")}: correct it in Enter details before connecting.`, {
    authorizationEndpoint: authorizeRequestParamsMessage(ENDPOINT_LABELS.authorization, carried),
  });
}

/** Starts one consent attempt: state + PKCE kept server-side, bound to this session and connector, ≤10 min. */
export async function startConsent(d: ConsentDeps, id: string, session: SessionRecord, mode: "popup" | "redirect") {
  const c = await loadConnector(d, id);
  const params = clientParams(d, c);
  refuseCarriedRequestParams(params.authorizationEndpoint);
  const redirectUri = redirectUriFor(d.publicUrl, c.id);
  const req = await buildAuthorizationRequest(workdayConfiguration(params, d.fetch), redirectUri);
  const now = d.now();
  await d.store.purgeExpiredTransactions(now.toISOString());
  await d.store.insertTransaction({
    stateHash: hashState(req.state),
    connectorId: c.id,
    sessionId: session.id,
    codeVerifierEnc: sealSecret(d.keyring, c.id, "codeVerifier", req.codeVerifier),
    redirectUri,
    tokenEndpoint: params.tokenEndpoint,
    clientId: params.clientId,
    mode,
    createdAt: now.toISOString(),
    expiresAt: transactionExpiresAt(now),
  });
  d.log.info({ connectorId: c.id, actor: session.userId, mode }, "consent started");
  return { authorizationUrl: req.url };
}

export interface CallbackQuery {
  state: string | undefined;
  code: string | undefined;
  error: string | undefined;
  errorDescription: string | undefined;
  rawQuery: string;
}

/** What a callback did: refused before touching any connector, or an outcome recorded on it. */
export type CallbackResult = { kind: "refused"; why: StateRefusal } | { kind: "recorded"; connector: ConnectorRecord; outcome: ConsentOutcome };
type StateRefusal = "no_state" | "unknown_state" | "no_session" | "other_session" | "other_connector" | "expired";

/**
 * Handles Workday's redirect back. The transaction is taken (deleted) before anything else, so a
 * replayed callback never reaches the token endpoint twice. A callback that fails the state check
 * (forged, replayed, expired, another browser or connector) changes nothing about any connector:
 * anyone can send one, so it is only logged. Past that check the outcome is recorded on the
 * connector for the wizard to explain; tokens and status change only on success, in one update.
 */
export async function completeConsent(d: ConsentDeps, id: string, session: SessionRecord | undefined, q: CallbackQuery): Promise<CallbackResult> {
  const c = await d.store.getConnector(id);
  if (!c) throw new AppError(404, "not_found", "This consent belongs to a connector that no longer exists.");
  const tx = q.state ? await d.store.takeTransaction(hashState(q.state)) : null;
  const now = d.now();
  const why = stateRefusal(tx, q.state, c.id, session, now);
  if (why || !tx || !q.state || !session) {
    const refused = why ?? "unknown_state";
    d.log.warn({ connectorId: c.id, why: refused, signedIn: session !== undefined }, "consent callback refused: state check failed");
    return { kind: "refused", why: refused };
  }
  const fail = (reasonCode: ReasonCode, detail: string | null) => recordFailure(d, c, reasonCode, detail, session);
  if (q.error) return fail(classifyAuthorizeError(q.error), describeAuthorizeError(q.error, q.errorDescription));
  if (!q.code) return fail("authorize_error", "Workday sent neither a code nor an error.");
  const params = clientParams(d, c);
  if (params.tokenEndpoint !== tx.tokenEndpoint || params.clientId !== tx.clientId) {
    return fail("state_invalid", "The client details changed while consent was in progress.");
  }
  const callbackUrl = new URL(tx.redirectUri);
  callbackUrl.search = q.rawQuery;
  // Workday publishes no issuer identifier, so an `iss` (RFC 9207) cannot be compared with a
  // known value; the per-connector redirect URI and the pinned token endpoint are the mix-up
  // defence instead. It is logged, not passed on, so openid-client does not reject a correct AS.
  const iss = callbackUrl.searchParams.get("iss");
  if (iss !== null) {
    callbackUrl.searchParams.delete("iss");
    d.log.info({ connectorId: c.id, iss }, "authorization response carried iss");
  }
  // Outside the try: a verifier no configured key opens is a 409 for the operator, not Workday's failure.
  const codeVerifier = openSecret(d.keyring, c.id, "codeVerifier", tx.codeVerifierEnc);
  let tokens;
  try {
    tokens = await exchangeCode(workdayConfiguration(params, d.fetch), callbackUrl, { state: q.state, codeVerifier });
  } catch (e) {
    const { reasonCode, detail } = classifyTokenFailure(e);
    return fail(reasonCode, detail);
  }
  if (!tokens.refreshToken) return fail("token_endpoint_malformed", "Workday returned no refresh_token.");
  const at = now.toISOString();
  const outcome: ConsentOutcome = { outcome: "success", reasonCode: null, detail: null, at };
  await d.store.updateConnector(
    c.id,
    {
      status: "connected",
      reasonCode: null,
      ...sealTokens(d.keyring, c.id, tokens, now),
      connectedAt: at,
      lastSuccessAt: at,
      consentGrantedBy: session.userName,
      // A new connection: whoever consented last time is looked up again for this one.
      consentingAccount: null,
      lastConsent: outcome,
      consecutiveTransientFailures: 0,
      // A recovery is announced only after healthy checks following this consent.
      healthyStreak: 0,
      lastErrorDetail: null,
      // Due at once: the first full check confirms the prerequisites (the wizard runs it live too).
      nextCheckAt: at,
      wizardStep: "done",
      updatedAt: at,
    },
    { at, from: c.status, to: "connected", reasonCode: null, actor: session.userName },
    [consentCompletedEvent(c, session.userName, now)],
  );
  d.log.info({ connectorId: c.id, actor: session.userId }, "consent succeeded");
  d.onConnected?.(c.id);
  return { kind: "recorded", connector: c, outcome };
}

function stateRefusal(
  tx: OAuthTransaction | null,
  state: string | undefined,
  connectorId: string,
  session: SessionRecord | undefined,
  now: Date,
): StateRefusal | null {
  if (!state) return "no_state";
  if (!tx) return "unknown_state";
  if (tx.connectorId !== connectorId) return "other_connector";
  if (!session) return "no_session";
  if (tx.sessionId !== session.id) return "other_session";
  return Date.parse(tx.expiresAt) <= now.getTime() ? "expired" : null;
}

async function recordFailure(
  d: ConsentDeps,
  c: ConnectorRecord,
  reasonCode: ReasonCode,
  detail: string | null,
  session: SessionRecord,
): Promise<CallbackResult> {
  const at = d.now().toISOString();
  const outcome: ConsentOutcome = { outcome: "error", reasonCode, detail, at };
  await d.store.updateConnector(c.id, { lastConsent: outcome, updatedAt: at });
  d.log.warn({ connectorId: c.id, actor: session.userId, reasonCode, detail }, "consent failed");
  return { kind: "recorded", connector: c, outcome };
}

function describeAuthorizeError(error: string, description: string | undefined): string {
  return description ? `error=${safe(error)} · ${safe(description)}` : `error=${safe(error)}`;
}
