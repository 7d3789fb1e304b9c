import { createHash } from "node:crypto";
import type { ConsentOutcome } from "@wc/contracts";
import { classifyAuthorizeError, redirectUriFor, type ReasonCode } from "@wc/workday";
import type { Logger } from "pino";
import { AppError } from "../lib/app-error";
import type { FetchLike } from "../lib/outbound-fetch";
import { buildAuthorizationRequest, exchangeCode, workdayConfiguration, type WorkdayClientParams } from "../oauth/workday-client";
import { classifyTokenFailure } from "../oauth/token-errors";
import { safe } from "../oauth/upstream-error";
import type { ConnectorRecord, SessionRecord } from "../store/types";
import { loadConnector, secretAad, type ConnectorDeps } from "./connectors";

export const TRANSACTION_TTL_MS = 10 * 60 * 1000;

export interface ConsentDeps extends ConnectorDeps {
  publicUrl: string;
  fetch: FetchLike;
  log: Logger;
  /** Told after a consent succeeded (first connection or reconnect): the activity backfill starts here. */
  onConnected?: (connectorId: string) => void;
}

const hashState = (state: string) => createHash("sha256").update(state).digest("base64url");

/** The connector's client as openid-client needs it, or null while details are missing. */
export function workdayClientOf(d: ConsentDeps, c: ConnectorRecord): WorkdayClientParams | null {
  if (!c.clientId || !c.clientSecretEnc || !c.tokenEndpoint || !c.authorizationEndpoint) return null;
  return {
    authorizationEndpoint: c.authorizationEndpoint,
    tokenEndpoint: c.tokenEndpoint,
    tenant: c.tenant,
    samlSso: c.samlSso,
    clientId: c.clientId,
    clientSecret: d.keyring.decrypt(c.clientSecretEnc, secretAad(c.id, "clientSecret")),
    clientAuthMethod: c.clientAuthMethod,
  };
}

function clientParams(d: ConsentDeps, c: ConnectorRecord): WorkdayClientParams {
  const params = workdayClientOf(d, c);
  if (params) return params;
  throw new AppError(409, "not_ready", "Enter the client details before connecting.", {
    clientId: "Save Client ID, Client Secret and the endpoints first (Enter details step).",
  });
}

/** Starts one consent attempt: state + PKCE kept server-side, bound to this session and connector, ≤10 min. */
export async function startConsent(d: ConsentDeps, id: string, session: SessionRecord, mode: "popup" | "redirect") {
  const c = await loadConnector(d, id);
  const params = clientParams(d, c);
  const redirectUri = redirectUriFor(d.publicUrl, c.id);
  const req = await buildAuthorizationRequest(workdayConfiguration(params, d.fetch), redirectUri);
  const now = d.now();
  await d.store.purgeExpiredTransactions(now.toISOString());
  await d.store.insertTransaction({
    stateHash: hashState(req.state),
    connectorId: c.id,
    sessionId: session.id,
    codeVerifierEnc: d.keyring.encrypt(req.codeVerifier, `oauth-tx:${c.id}`),
    redirectUri,
    tokenEndpoint: params.tokenEndpoint,
    clientId: params.clientId,
    mode,
    createdAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + TRANSACTION_TTL_MS).toISOString(),
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

/**
 * Handles Workday's redirect back. The transaction is taken (deleted) before anything else, so a
 * replayed callback never reaches the token endpoint twice. Whatever happens, the outcome is
 * recorded on the connector for the wizard to explain; tokens and status change only on success,
 * in one store update.
 */
export async function completeConsent(d: ConsentDeps, id: string, session: SessionRecord | undefined, q: CallbackQuery): Promise<void> {
  const c = await d.store.getConnector(id);
  if (!c) throw new AppError(404, "not_found", "This consent belongs to a connector that no longer exists.");
  const tx = q.state ? await d.store.takeTransaction(hashState(q.state)) : null;
  const now = d.now();
  const fail = (reasonCode: ReasonCode, detail: string | null) => recordFailure(d, c, reasonCode, detail, session);
  if (!tx || !q.state || tx.connectorId !== c.id || !session || tx.sessionId !== session.id || Date.parse(tx.expiresAt) <= now.getTime()) {
    return fail("state_invalid", null);
  }
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
  const codeVerifier = d.keyring.decrypt(tx.codeVerifierEnc, `oauth-tx:${c.id}`);
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
      refreshTokenEnc: d.keyring.encrypt(tokens.refreshToken, secretAad(c.id, "refreshToken")),
      accessTokenEnc: d.keyring.encrypt(tokens.accessToken, secretAad(c.id, "accessToken")),
      accessTokenExpiresAt: new Date(now.getTime() + (tokens.expiresInSeconds ?? 3600) * 1000).toISOString(),
      connectedAt: at,
      lastSuccessAt: at,
      consentGrantedBy: session.userName,
      lastConsent: outcome,
      consecutiveTransientFailures: 0,
      lastErrorDetail: null,
      // Due at once: the first full check confirms the prerequisites (the wizard runs it live too).
      nextCheckAt: at,
      wizardStep: "done",
      updatedAt: at,
    },
    { at, from: c.status, to: "connected", reasonCode: null, actor: session.userName },
  );
  d.log.info({ connectorId: c.id, actor: session.userId }, "consent succeeded");
  d.onConnected?.(c.id);
}

async function recordFailure(d: ConsentDeps, c: ConnectorRecord, reasonCode: ReasonCode, detail: string | null, session: SessionRecord | undefined) {
  const at = d.now().toISOString();
  await d.store.updateConnector(c.id, { lastConsent: { outcome: "error", reasonCode, detail, at }, updatedAt: at });
  d.log.warn({ connectorId: c.id, actor: session?.userId ?? null, reasonCode, detail }, "consent failed");
}

function describeAuthorizeError(error: string, description: string | undefined): string {
  return description ? `error=${safe(error)} · ${safe(description)}` : `error=${safe(error)}`;
}
