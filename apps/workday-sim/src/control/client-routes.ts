import { Router, type Request, type Response } from "express";
import { isoMillis } from "../lib/time";
import { clientOf, deleteClient, publicClient, regenerateSecret, registerClient, registeredView, revokeRefreshTokens } from "../model/clients";
import type { SimState } from "../model/state";
import { addConsentedClients } from "../model/consented-clients";
import { clientSchema, consentedClientsSchema, parseBody, revokeSchema } from "./schemas";

type ClientReq = Request<{ tenant: string; clientId: string }>;

/** /_sim/api/tenants/:tenant/clients…: Register API Client, View API Clients, refresh tokens. */
export function clientRoutes(state: SimState): Router {
  const router = Router();

  router.get("/tenants/:tenant/clients", (req: Request<{ tenant: string }>, res: Response) => {
    const tenant = state.tenant(req.params.tenant);
    res.json({ clients: [...tenant.clients.values()].map((c) => publicClient(state, tenant, c)) });
  });
  router.post("/tenants/:tenant/clients", (req: Request<{ tenant: string }>, res: Response) => {
    const tenant = state.tenant(req.params.tenant);
    const client = registerClient(state, tenant, parseBody(clientSchema, req.body));
    res.status(201).json(registeredView(state, tenant, client));
  });
  router.post("/tenants/:tenant/consented-clients", (req: Request<{ tenant: string }>, res: Response) => {
    const tenant = state.tenant(req.params.tenant);
    const clients = addConsentedClients(state, tenant, parseBody(consentedClientsSchema, req.body));
    res.status(201).json({ ...state.endpoints(tenant.name), clients });
  });
  router.post("/tenants/:tenant/clients/:clientId/secret", (req: ClientReq, res: Response) => {
    const client = regenerateSecret(state.tenant(req.params.tenant), req.params.clientId);
    res.json({ clientId: client.clientId, clientSecret: client.clientSecret });
  });
  router.delete("/tenants/:tenant/clients/:clientId", (req: ClientReq, res: Response) => {
    deleteClient(state, state.tenant(req.params.tenant), req.params.clientId);
    res.status(204).end();
  });
  router.get("/tenants/:tenant/clients/:clientId/refresh-tokens", (req: ClientReq, res: Response) => {
    const tenant = state.tenant(req.params.tenant);
    const client = clientOf(tenant, req.params.clientId);
    const ttl = state.options.refreshTokenTtlSeconds * 1000;
    res.json({
      refreshTokens: state.tokens.refreshTokensOf(tenant.name, client.clientId).map((t) => ({
        id: t.id,
        username: t.username,
        issuedAt: isoMillis(t.issuedAt),
        lastUsedAt: isoMillis(t.lastUsedAt),
        expiresAt: client.nonExpiringRefreshTokens ? null : isoMillis(t.lastUsedAt + ttl),
      })),
    });
  });
  router.post("/tenants/:tenant/clients/:clientId/revoke-refresh-tokens", (req: ClientReq, res: Response) => {
    const { tokenId } = parseBody(revokeSchema, req.body);
    res.json({ revoked: revokeRefreshTokens(state, state.tenant(req.params.tenant), req.params.clientId, tokenId) });
  });

  return router;
}
