import express, { type Express } from "express";
import { adminRouter } from "./admin/admin-router";
import { taskSearchPages } from "./admin/task-search-pages";
import { apiRouter } from "./api/api-router";
import { controlRouter } from "./control/control-router";
import { errorHandler, notFound } from "./http/error-handler";
import { runDueSandboxRefreshes } from "./model/sandbox-refresh";
import { SimState } from "./model/state";
import { authorizeRouter } from "./oauth/authorize-routes";
import { tokenRouter } from "./oauth/token-route";
import { resolveOptions, type SimOptions } from "./options";

export interface Simulator {
  /** Request handler; mount it or pass it to http.createServer. Routing ignores the Host header. */
  app: Express;
  /** The in-memory tenant model, for tests that want to look inside. */
  state: SimState;
  /** Back to the seeded tenants and the options given at creation. */
  reset(): void;
}

/** Builds a simulated Workday. Listening is startSimulator's job. */
export function createSimulator(options: Partial<SimOptions> = {}): Simulator {
  const state = new SimState(resolveOptions(options));
  const app = express();
  app.disable("x-powered-by");
  app.set("etag", false);
  app.use((_req, _res, next) => {
    // The weekly sandbox refresh is checked lazily, so a shifted clock triggers it too.
    runDueSandboxRefreshes(state);
    next();
  });
  app.get("/", (_req, res) => {
    res.redirect(302, "/_sim/");
  });
  app.use("/_sim/api", controlRouter(state));
  app.use("/_sim", adminRouter(state));
  app.use("/ccx/oauth2", tokenRouter(state));
  app.use("/ccx/api", apiRouter(state));
  app.use(authorizeRouter(state));
  app.use(taskSearchPages(state));
  app.use(notFound);
  app.use(errorHandler);
  return { app, state, reset: () => state.reset() };
}
