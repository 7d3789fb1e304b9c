import { Router } from "express";
import { createApiTokenRequestSchema, type ApiTokenCreatedResponse, type ApiTokenResponse, type ApiTokensResponse } from "@wc/contracts";
import { actorOf, audit } from "../audit";
import { requireAdminSession, requirePrincipal } from "../auth";
import { param, withBody } from "../platform/http/validate";
import { createApiToken, revokeApiToken, toApiTokenView, type ApiTokenDeps } from "./api-tokens";

/**
 * The admin's API token list, create (the token shown once) and revoke. A browser session only:
 * a token cannot mint or revoke tokens, so a leaked one cannot outlive its own expiry.
 */
export function apiTokenRouter(d: ApiTokenDeps) {
  const r = Router();

  r.get("/", requireAdminSession, async (_req, res) => {
    const now = d.now();
    const body: ApiTokensResponse = { tokens: (await d.store.listApiTokens()).map((t) => toApiTokenView(t, now)) };
    res.json(body);
  });

  r.post(
    "/",
    requireAdminSession,
    withBody(createApiTokenRequestSchema, async (req, res, body) => {
      const p = requirePrincipal(res);
      const { record, token } = await createApiToken(d, body, { id: p.id, name: p.name });
      await audit(d, actorOf(req, res), {
        action: "api_token.created",
        targetType: "api_token",
        targetId: record.id,
        targetName: record.name,
        after: { name: record.name, role: record.role, prefix: record.prefix, expiresAt: record.expiresAt },
      });
      const out: ApiTokenCreatedResponse = { token: toApiTokenView(record, d.now()), secret: token };
      res.status(201).json(out);
    }),
  );

  r.delete("/:id", requireAdminSession, async (req, res) => {
    const t = await revokeApiToken(d, param(req, "id"), requirePrincipal(res).name);
    await audit(d, actorOf(req, res), {
      action: "api_token.revoked",
      targetType: "api_token",
      targetId: t.id,
      targetName: t.name,
      after: { revokedAt: t.revokedAt },
    });
    const out: ApiTokenResponse = { token: toApiTokenView(t, d.now()) };
    res.json(out);
  });

  return r;
}
