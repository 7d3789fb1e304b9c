import express, { Router, type Request, type Response } from "express";
import { identityProviderPage } from "../oauth/pages";
import type { SimState } from "../model/state";
import { accountPages } from "./account-pages";
import { clientPages } from "./client-pages";
import { faultPages } from "./fault-pages";
import { homePages } from "./home-pages";
import { refreshTokenPages } from "./refresh-token-pages";
import { sandboxPages } from "./sandbox-pages";
import { securityPolicyPages } from "./security-policy-pages";
import { SIM_CSS } from "./styles";
import { tenantSetupPages } from "./tenant-setup-pages";

/** Everything a person uses in the browser under /_sim (except the JSON control API). */
export function adminRouter(state: SimState): Router {
  const router = Router();
  router.get("/assets/sim.css", (_req, res) => {
    res.type("text/css").set("Cache-Control", "max-age=300").send(SIM_CSS);
  });

  // The company identity provider a SAML tenant bounces to; it never hands a code back.
  router.get("/idp/:tenant", (req: Request<{ tenant: string }>, res: Response) => {
    res.type("html").send(identityProviderPage(state.tenant(req.params.tenant)));
  });
  router.post("/idp/:tenant", (req: Request<{ tenant: string }>, res: Response) => {
    res.type("html").send(identityProviderPage(state.tenant(req.params.tenant), "Single sign-on is not available in this simulation. Use redirect=n."));
  });

  router.use(express.urlencoded({ extended: false }));
  router.use(homePages(state));
  router.use(tenantSetupPages(state));
  router.use(securityPolicyPages(state));
  router.use(clientPages(state));
  router.use(refreshTokenPages(state));
  router.use(accountPages(state));
  router.use(sandboxPages(state));
  router.use(faultPages(state));
  return router;
}
