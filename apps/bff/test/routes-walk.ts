import type { Role } from "@wc/contracts";

export interface RouteInfo {
  method: string;
  path: string;
  /** The role guard on the route, "public" for publicRoute(why), "handoff" for handoffGuard (a hand-off link's token), null when it has none. */
  access: Role | "public" | "handoff" | null;
  /** Marked for a browser session only (requireRole(…, { sessionOnly }) or browserRoute): an API token never opens it. */
  sessionOnly: boolean;
}

interface Layer {
  route?: { path: string; methods: Record<string, boolean>; stack: { handle: unknown }[] };
  handle: unknown;
  rawPath?: unknown;
}

/** Every route the Express app serves, found by walking its router stacks (so none can be forgotten). */
export function walkRoutes(app: { router: { stack: Layer[] } }): RouteInfo[] {
  const out: RouteInfo[] = [];
  const visit = (stack: Layer[], prefix: string) => {
    for (const layer of stack) {
      if (layer.route) {
        const handlers = layer.route.stack.map((l) => l.handle as Record<string, unknown>);
        const role = handlers.find((h) => typeof h.requiredRole === "string")?.requiredRole as Role | undefined;
        const isPublic = handlers.some((h) => typeof h.publicRoute === "string");
        const isHandoff = handlers.some((h) => typeof h.handoffRoute === "string");
        const sessionOnly = handlers.some((h) => h.sessionOnly === true);
        for (const [m, on] of Object.entries(layer.route.methods)) {
          if (!on || m === "_all") continue;
          out.push({
            method: m.toUpperCase(),
            path: prefix + layer.route.path,
            access: role ?? (isPublic ? "public" : isHandoff ? "handoff" : null),
            sessionOnly,
          });
        }
        continue;
      }
      const inner = (layer.handle as { stack?: Layer[] }).stack;
      if (Array.isArray(inner)) visit(inner, prefix + (typeof layer.rawPath === "string" && layer.rawPath !== "/" ? layer.rawPath : ""));
    }
  };
  visit(app.router.stack, "");
  return out;
}
