import express, { Router, type Request, type Response } from "express";
import { CONSENT_TASK } from "../activity/catalog";
import { faultGate } from "../http/fault-gate";
import { singleParams, withParams } from "../http/params";
import { hashString, hex32 } from "../lib/hash";
import { HttpError } from "../lib/http-error";
import { readCookie } from "../lib/html";
import { opaqueToken } from "../lib/random";
import type { PendingAuthorization } from "../model/pending-authorizations";
import type { SimState } from "../model/state";
import { logActivity } from "../model/tenant-admin";
import { isActive, type Tenant } from "../model/tenant";
import { checkAuthorizeRequest } from "./authorize-request";
import { consentPage, oauthErrorPage, signInPage } from "./pages";

const BROWSER_COOKIE = "wdsim_browser";
const INVALID_CREDENTIALS = "Invalid user name or password";

const errorPage = (status: number, title: string, message: string): HttpError =>
  new HttpError(status, { html: oauthErrorPage(title, message) }, { "Cache-Control": "no-store" });

const firstSegment = (req: Request): string | undefined => req.originalUrl.split(/[/?]/)[1];

const clientAddress = (req: Request): string => (req.socket.remoteAddress ?? "127.0.0.1").replace(/^::ffff:/, "");

/** The Workday sign-in host: authorize → sign in → consent → back to the client. */
export function authorizeRouter(state: SimState): Router {
  const router = Router();
  const tenantOf = (name: string): Tenant => {
    const tenant = state.tenants.get(name);
    if (!tenant) throw errorPage(404, "Page not found", "The page you requested does not exist.");
    return tenant;
  };
  const pendingOf = (req: Request, tenant: Tenant, id: string | undefined): PendingAuthorization => {
    const pending = state.pending.find(id, readCookie(req.headers.cookie, BROWSER_COOKIE), tenant.name, state.now());
    if (!pending) throw errorPage(400, "Sign-in expired", "This sign-in is no longer valid. Start again from the application that sent you here.");
    return pending;
  };

  router.use(
    "/:tenant/authorize",
    faultGate(state, () => ["authorize"], firstSegment),
    (_req, res, next) => {
      res.set({ "Cache-Control": "no-store", "Referrer-Policy": "no-referrer" });
      next();
    },
  );

  router.get("/:tenant/authorize", (req: Request<{ tenant: string }>, res: Response) => {
    const tenant = tenantOf(req.params.tenant);
    const check = checkAuthorizeRequest(tenant, req.query);
    if (check.outcome === "page") throw errorPage(check.status, check.title, check.message);
    if (check.outcome === "redirect") {
      res.redirect(302, withParams(check.redirectUri, { error: check.error, error_description: check.description, state: check.state }));
      return;
    }
    const { request } = check;
    if (tenant.settings.samlSso && !request.redirectN) {
      res.redirect(302, `/_sim/idp/${tenant.name}`);
      return;
    }
    const browserKey = readCookie(req.headers.cookie, BROWSER_COOKIE) ?? opaqueToken(18);
    res.cookie(BROWSER_COOKIE, browserKey, { httpOnly: true, sameSite: "lax", path: "/" });
    const pending = state.pending.create({
      browserKey,
      tenant: tenant.name,
      clientId: request.client.clientId,
      redirectUri: request.redirectUri,
      state: request.state,
      codeChallenge: request.codeChallenge,
      createdAt: state.now(),
    });
    res.type("html").send(signInPage(tenant, pending.id));
  });

  router.post("/:tenant/authorize/sign-in", express.urlencoded({ extended: false }), (req: Request<{ tenant: string }>, res: Response) => {
    const tenant = tenantOf(req.params.tenant);
    const form = singleParams(req.body);
    const pending = pendingOf(req, tenant, form.get("pending"));
    const account = tenant.accounts.get(form.get("username") ?? "");
    // One message for unknown user, wrong password, locked and disabled: no account enumeration.
    if (!isActive(account) || account.password !== form.get("password")) {
      res
        .status(200)
        .type("html")
        .send(signInPage(tenant, pending.id, INVALID_CREDENTIALS));
      return;
    }
    pending.username = account.username;
    res.redirect(303, `/${tenant.name}/authorize/consent?pending=${encodeURIComponent(pending.id)}`);
  });

  router.get("/:tenant/authorize/consent", (req: Request<{ tenant: string }>, res: Response) => {
    const tenant = tenantOf(req.params.tenant);
    const pending = pendingOf(req, tenant, singleParams(req.query).get("pending"));
    const client = tenant.clients.get(pending.clientId);
    if (!client || !pending.username) throw errorPage(400, "Sign-in expired", "Sign in again from the application that sent you here.");
    res.type("html").send(consentPage(tenant, client, pending.id, pending.username));
  });

  router.post("/:tenant/authorize/consent", express.urlencoded({ extended: false }), (req: Request<{ tenant: string }>, res: Response) => {
    const tenant = tenantOf(req.params.tenant);
    const form = singleParams(req.body);
    const pending = pendingOf(req, tenant, form.get("pending"));
    state.pending.delete(pending.id);
    const client = tenant.clients.get(pending.clientId);
    const account = tenant.accounts.get(pending.username ?? "");
    if (!tenant.settings.oauthClientsEnabled || !client || client.redirectUri !== pending.redirectUri || !isActive(account)) {
      throw errorPage(400, "Authorization failed", "The API client or your account changed during sign-in. Start again from the application.");
    }
    if (form.get("decision") !== "allow") {
      res.redirect(302, withParams(pending.redirectUri, { error: "access_denied", error_description: "The user denied access.", state: pending.state }));
      return;
    }
    const now = state.now();
    const code = state.tokens.issueCode({
      tenant: tenant.name,
      clientId: client.clientId,
      redirectUri: pending.redirectUri,
      codeChallenge: pending.codeChallenge,
      username: account.username,
      expiresAt: now + state.options.authCodeTtlSeconds * 1000,
    });
    logActivity(tenant, {
      timeMs: now,
      systemAccount: account.username,
      taskDisplayName: CONSENT_TASK,
      activityAction: "WRITE",
      ipAddress: clientAddress(req),
      userAgent: req.get("user-agent") ?? "Unknown",
      target: {
        id: hex32(hashString(client.clientId)),
        descriptor: client.clientName,
        href: `${state.endpoints(tenant.name).restApiEndpoint}/apiClients/${hex32(hashString(client.clientId))}`,
      },
    });
    res.redirect(302, withParams(pending.redirectUri, { code: code.code, state: pending.state }));
  });

  return router;
}
