import { hashState, transactionExpiresAt } from "../platform/crypto/oauth-state";
import * as oidc from "openid-client";
import type { Role } from "@wc/contracts";
import type { Logger } from "pino";
import { AppError } from "../platform/http/app-error";
import type { Keyring } from "../platform/crypto/crypto";
import type { UserRecord } from "./auth-store";
import { createUser, type UserDeps } from "./users";

export interface OidcOptions {
  issuer: string;
  clientId: string;
  clientSecret: string;
  label: string;
  groupsClaim: string;
  adminGroups: string[];
  supportGroups: string[];
}

export interface SsoDeps extends UserDeps {
  keyring: Keyring;
  log: Logger;
  publicUrl: string;
  timeoutMs: number;
}

const isLoopbackHttp = (u: URL) => u.protocol === "http:" && ["localhost", "127.0.0.1", "[::1]"].includes(u.hostname);

export class SsoError extends Error {}

/**
 * Single sign-on to the portal with the organisation's OpenID Connect provider: discovery, code
 * flow with PKCE S256, state and nonce kept server-side (single use, 10 min), ID token validated by
 * openid-client. Plain http is allowed only for a provider on loopback (development and tests).
 */
export function createSso(d: SsoDeps, o: OidcOptions) {
  let config: Promise<oidc.Configuration> | undefined;
  const redirectUri = `${d.publicUrl}/api/auth/sso/callback`;

  const configuration = () => {
    config ??= (async () => {
      const issuer = new URL(o.issuer);
      return oidc.discovery(issuer, o.clientId, { client_secret: o.clientSecret }, oidc.ClientSecretBasic(o.clientSecret), {
        // The ID token's signature is checked against the provider's JWKS too (openid-client skips
        // it by default for tokens fetched over TLS; a loopback provider has no TLS at all).
        execute: isLoopbackHttp(issuer) ? [oidc.allowInsecureRequests, oidc.enableNonRepudiationChecks] : [oidc.enableNonRepudiationChecks],
        timeout: Math.ceil(d.timeoutMs / 1000),
      });
    })();
    // A provider that was down at first use must not stay broken until restart.
    config.catch(() => (config = undefined));
    return config;
  };

  const roleFor = (claims: Record<string, unknown>): Role | null => {
    const raw = claims[o.groupsClaim];
    const groups = Array.isArray(raw) ? raw.filter((g): g is string => typeof g === "string") : typeof raw === "string" ? raw.split(/[\s,]+/) : [];
    if (groups.some((g) => o.adminGroups.includes(g))) return "admin";
    if (groups.some((g) => o.supportGroups.includes(g))) return "support";
    return null;
  };

  return {
    label: o.label,
    async start(returnTo: string): Promise<URL> {
      let cfg: oidc.Configuration;
      try {
        cfg = await configuration();
      } catch (e) {
        d.log.warn({ err: e instanceof Error ? e.message : String(e) }, "sso discovery failed");
        throw new SsoError("Single sign-on is unavailable: the identity provider did not answer. Try again, or sign in with a password.");
      }
      const verifier = oidc.randomPKCECodeVerifier();
      const state = oidc.randomState();
      const nonce = oidc.randomNonce();
      const now = d.now();
      await d.store.insertSsoTransaction({
        stateHash: hashState(state),
        codeVerifierEnc: d.keyring.encrypt(verifier, "sso-tx"),
        nonce,
        returnTo,
        createdAt: now.toISOString(),
        expiresAt: transactionExpiresAt(now),
      });
      return oidc.buildAuthorizationUrl(cfg, {
        redirect_uri: redirectUri,
        scope: "openid email profile",
        code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
        code_challenge_method: "S256",
        state,
        nonce,
      });
    },

    /** Returns the signed-in account and where to go, or throws SsoError with a message for the sign-in page. */
    async callback(query: URLSearchParams): Promise<{ user: UserRecord; returnTo: string }> {
      const state = query.get("state");
      const tx = state ? await d.store.takeSsoTransaction(hashState(state)) : null;
      if (!tx || !state || Date.parse(tx.expiresAt) <= d.now().getTime()) {
        throw new SsoError("The single sign-on attempt expired or was already used. Start again.");
      }
      const error = query.get("error");
      if (error)
        throw new SsoError(error === "access_denied" ? "Single sign-on was cancelled." : `The identity provider refused the sign-in (${error.slice(0, 60)}).`);
      let claims: Record<string, unknown>;
      try {
        const current = new URL(redirectUri);
        current.search = query.toString();
        const tokens = await oidc.authorizationCodeGrant(await configuration(), current, {
          pkceCodeVerifier: d.keyring.decrypt(tx.codeVerifierEnc, "sso-tx"),
          expectedState: state,
          expectedNonce: tx.nonce,
          idTokenExpected: true,
        });
        claims = { ...tokens.claims() };
      } catch (e) {
        d.log.warn({ err: e instanceof Error ? e.message : String(e) }, "sso code exchange failed");
        throw new SsoError("Single sign-on failed: the identity provider's answer could not be verified. Try again.");
      }
      const email = typeof claims.email === "string" ? claims.email.trim().toLowerCase() : null;
      if (!email || claims.email_verified === false) throw new SsoError("Your identity provider did not share a verified email address.");
      const role = roleFor(claims);
      if (!role) throw new SsoError("Your account is not in a group allowed to use this console. Ask an admin to add you to the admin or support group.");
      const name = typeof claims.name === "string" && claims.name.trim() ? claims.name.trim().slice(0, 100) : email;
      // openid-client has checked iss and sub; together they name this person for good.
      const ssoSubject = `${String(claims.iss)} ${String(claims.sub)}`;
      const bound = await d.store.getUserBySsoSubject(ssoSubject);
      const byEmail = bound ? null : await d.store.getUserByEmail(email);
      if (byEmail && byEmail.source !== "oidc") {
        throw new SsoError("An account with this email signs in with a password. Sign in with it, or ask an admin to remove it first.");
      }
      if (byEmail?.ssoSubject && byEmail.ssoSubject !== ssoSubject) {
        // The provider gave this address to someone else: the account stays with its first owner.
        d.log.warn({ userId: byEmail.id }, "sso sign-in refused: the email belongs to another identity at the provider");
        throw new SsoError("An account with this email belongs to another person at your identity provider. Ask an admin to remove it first.");
      }
      const existing = bound ?? byEmail;
      // The person's address changed at the provider: follow it, unless another account has it.
      const emailPatch = bound && bound.email !== email && !(await d.store.getUserByEmail(email)) ? { email } : {};
      const at = d.now().toISOString();
      // The provider's groups are the source of truth: the role follows them at every sign-in.
      const user = existing
        ? await d.store.updateUser(existing.id, { ...emailPatch, name, role, ssoSubject, lastSignInAt: at, updatedAt: at })
        : await createUser(d, { email, name, role, password: null, source: "oidc", ssoSubject }).catch((e: unknown) => {
            // Two first sign-ins of the same person at once: the other one created the account.
            if (e instanceof AppError && e.status === 409) throw new SsoError("Your account was just created by another sign-in. Sign in again.");
            throw e;
          });
      if (user === "last_admin")
        throw new SsoError("Your groups no longer make you an admin, and you are the last admin. Ask for the admin group, or add another admin.");
      if (!user) throw new AppError(500, "internal", "The account disappeared during sign-in.");
      if (!existing) await d.store.updateUser(user.id, { lastSignInAt: at });
      return { user, returnTo: tx.returnTo };
    },
  };
}

export type Sso = ReturnType<typeof createSso>;
