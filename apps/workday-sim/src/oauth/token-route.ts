import express, { Router, type Request, type Response } from "express";
import { faultGate } from "../http/fault-gate";
import { singleParams } from "../http/params";
import type { SimState } from "../model/state";
import { authenticateClient, claimedClientId } from "./client-auth";
import { oauthError } from "./oauth-error";
import { exchangeCode, refresh } from "./token-grants";

const isForm = (req: Request): boolean => req.is("application/x-www-form-urlencoded") === "application/x-www-form-urlencoded";

/** POST /ccx/oauth2/<tenant>/token on the services host. */
export function tokenRouter(state: SimState): Router {
  const router = Router();
  router.post(
    "/:tenant/token",
    express.urlencoded({ extended: false }),
    (req: Request<{ tenant: string }>, res, next) => {
      const form = singleParams(isForm(req) ? req.body : undefined);
      const done = state.tokenLog.start(req.params.tenant, claimedClientId(req.get("authorization"), form), form.get("grant_type") ?? "(none)");
      res.on("close", done);
      next();
    },
    faultGate(
      state,
      () => ["token"],
      (req) => req.originalUrl.split("/")[3],
    ),
    (req: Request<{ tenant: string }>, res: Response) => {
      res.set({ "Cache-Control": "no-store", Pragma: "no-cache" });
      if (!isForm(req)) throw oauthError("invalid_request");
      const form = singleParams(req.body);
      if (form.repeated) throw oauthError("invalid_request");
      const tenant = state.tenants.get(req.params.tenant);
      const client = authenticateClient(tenant, req.get("authorization"), form);
      if (!tenant) throw oauthError("invalid_client");
      const grantType = form.get("grant_type");
      if (!grantType) throw oauthError("invalid_request");
      if (grantType === "authorization_code") res.json(exchangeCode(state, tenant, client, form));
      else if (grantType === "refresh_token") res.json(refresh(state, tenant, client, form));
      else throw oauthError("unsupported_grant_type");
    },
  );
  return router;
}
