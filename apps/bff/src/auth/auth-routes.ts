import { Router, type Response } from "express";
import { changeOwnPasswordRequestSchema, isSafeReturnTo, pages, setupRequestSchema, signInRequestSchema, type SessionResponse } from "@wc/contracts";
import { AppError } from "../platform/http/app-error";
import { hashPassword, verifyPassword } from "./password";
import { browserRoute, requireRole } from "./roles";
import { currentSession, currentUser } from "./session-middleware";
import { withBody } from "../platform/http/validate";
import { actorOf, audit, type AuditDeps } from "../audit";
import { completeSetup, setupRequired } from "./bootstrap";
import { endSession, sessionBody, startSession, type SessionDeps } from "./sessions";
import { signIn, type SignInDeps } from "./sign-in";
import { SsoError, type Sso } from "./sso";
import { auditView } from "./users";
import { seeOther } from "../platform/http/see-other";

export interface AuthRouteDeps extends AuditDeps {
  sessions: SessionDeps;
  signIn: SignInDeps;
  sso: Sso | null;
}

/** Sign-in, sign-out, first-admin setup, single sign-on, the session and the user's own password. */
export function authRouter(d: AuthRouteDeps) {
  const r = Router();
  const ssoInfo = () => ({ enabled: d.sso !== null, label: d.sso?.label ?? "" });
  const body = async (res: Response): Promise<SessionResponse> =>
    sessionBody(currentSession(res), currentUser(res), { setupRequired: await setupRequired(d), sso: ssoInfo() }, d.sessions.policy);

  r.get("/session", browserRoute("tells the SPA whether to show sign-in"), async (_req, res) => {
    res.setHeader("Cache-Control", "no-store");
    res.json(await body(res));
  });

  r.post(
    "/auth/sign-in",
    browserRoute("signing in"),
    withBody(signInRequestSchema, async (req, res, b) => {
      try {
        const user = await signIn(d.signIn, b.email, b.password, req.ip ?? "unknown");
        await startSession(d.sessions, req, res, user);
        res.locals.user = user;
        await audit(d, actorOf(req, res), { action: "auth.signed_in", targetType: "user", targetId: user.id, targetName: user.email });
      } catch (e) {
        if (e instanceof AppError) {
          // The attempted email is recorded for admins, the password never.
          await audit(d, { ...actorOf(req, res), name: b.email }, { action: "auth.sign_in_failed", after: { reason: e.code } });
        }
        throw e;
      }
      res.setHeader("Cache-Control", "no-store");
      res.json(await body(res));
    }),
  );

  r.post("/auth/sign-out", browserRoute("signing out works even with an expired session"), async (req, res) => {
    const actor = actorOf(req, res);
    if (await endSession(d.sessions, req, res)) await audit(d, actor, { action: "auth.signed_out", targetType: "user", targetId: actor.id });
    res.status(204).end();
  });

  r.post(
    "/auth/setup",
    browserRoute("creating the first admin with the one-time setup token"),
    withBody(setupRequestSchema, async (req, res, b) => {
      const user = await completeSetup(d, b);
      await startSession(d.sessions, req, res, user);
      res.locals.user = user;
      await audit(d, actorOf(req, res), {
        action: "auth.setup_completed",
        targetType: "user",
        targetId: user.id,
        targetName: user.email,
        after: auditView(user),
      });
      res.json(await body(res));
    }),
  );

  r.post(
    "/session/password",
    requireRole("support", { sessionOnly: true }),
    withBody(changeOwnPasswordRequestSchema, async (req, res, b) => {
      const user = currentUser(res);
      if (!user?.passwordHash) throw new AppError(409, "conflict", "Your account signs in with single sign-on; change the password at your identity provider.");
      if (!(await verifyPassword(b.currentPassword, user.passwordHash))) {
        throw new AppError(400, "validation_failed", "Some fields need fixing.", { currentPassword: "This is not your current password." });
      }
      await d.store.updateUser(user.id, { passwordHash: await hashPassword(b.newPassword), updatedAt: d.now().toISOString() });
      // Other browsers signed in as this user are signed out; this one gets a fresh session.
      await d.store.deleteSessionsOfUser(user.id);
      await startSession(d.sessions, req, res, user);
      await audit(d, actorOf(req, res), { action: "auth.password_changed", targetType: "user", targetId: user.id, targetName: user.email });
      res.status(204).end();
    }),
  );

  r.get("/auth/sso/start", browserRoute("starts single sign-on"), async (req, res) => {
    const returnTo = typeof req.query.returnTo === "string" && isSafeReturnTo(req.query.returnTo) ? req.query.returnTo : pages.connectors;
    if (!d.sso) return signInError(res, "Single sign-on is not configured for this console.");
    try {
      seeOther(res, (await d.sso.start(returnTo)).href);
    } catch (e) {
      if (e instanceof SsoError) return signInError(res, e.message);
      throw e;
    }
  });

  r.get("/auth/sso/callback", browserRoute("the identity provider's redirect back"), async (req, res) => {
    res.setHeader("Cache-Control", "no-store");
    res.setHeader("Referrer-Policy", "no-referrer");
    if (!d.sso) return signInError(res, "Single sign-on is not configured for this console.");
    const q = req.originalUrl.indexOf("?");
    try {
      const { user, returnTo } = await d.sso.callback(new URLSearchParams(q >= 0 ? req.originalUrl.slice(q + 1) : ""));
      await startSession(d.sessions, req, res, user);
      res.locals.user = user;
      await audit(d, actorOf(req, res), {
        action: "auth.signed_in",
        targetType: "user",
        targetId: user.id,
        targetName: user.email,
        after: { via: "sso", role: user.role },
      });
      seeOther(res, isSafeReturnTo(returnTo) ? returnTo : pages.connectors);
    } catch (e) {
      if (!(e instanceof SsoError)) throw e;
      await audit(d, actorOf(req, res), { action: "auth.sign_in_failed", after: { via: "sso", reason: e.message } });
      signInError(res, e.message);
    }
  });
  return r;
}

function signInError(res: Response, message: string) {
  seeOther(res, `${pages.signIn}?error=${encodeURIComponent(message)}`);
}
