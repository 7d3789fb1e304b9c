import { Router } from "express";
import { createHandoffLinkRequestSchema, type HandoffLinkCreatedResponse, type HandoffLinkResponse, type HandoffLinksResponse } from "@wc/contracts";
import { param, withBody } from "../platform/http/validate";
import { requireAdmin, requirePrincipal } from "../auth";
import { actorOf, audit } from "../audit";
import { loadConnector, type ConnectorDeps } from "../connectors";
import type { ConnectorRecord } from "../store/types";
import { createLink, linkUrl, revokeLink, toLinkView, type HandoffDeps } from "./handoff-links";

const target = (c: ConnectorRecord) => ({ targetType: "connector" as const, targetId: c.id, targetName: c.name });

/** The connector page's hand-off links (admins): create (the URL is shown once), list, revoke. */
export function handoffAdminRouter(d: HandoffDeps & ConnectorDeps & { publicUrl: string }) {
  const r = Router();

  r.get("/:id/handoff-links", requireAdmin, async (req, res) => {
    const c = await loadConnector(d, param(req, "id"));
    const now = d.now();
    const body: HandoffLinksResponse = { links: (await d.store.listHandoffLinks(c.id)).map((l) => toLinkView(l, now)) };
    res.json(body);
  });

  r.post(
    "/:id/handoff-links",
    requireAdmin,
    withBody(createHandoffLinkRequestSchema, async (req, res, body) => {
      const c = await loadConnector(d, param(req, "id"));
      const p = requirePrincipal(res);
      const { link, token } = await createLink(d, c, body.expiresInHours, { id: p.id, name: p.name });
      await audit(d, actorOf(req, res), {
        action: "connector.handoff_link_created",
        ...target(c),
        after: { linkId: link.id, expiresAt: link.expiresAt, expiresInHours: body.expiresInHours },
      });
      const out: HandoffLinkCreatedResponse = { link: toLinkView(link, d.now()), url: linkUrl(d.publicUrl, token) };
      res.status(201).json(out);
    }),
  );

  r.delete("/:id/handoff-links/:linkId", requireAdmin, async (req, res) => {
    const c = await loadConnector(d, param(req, "id"));
    const link = await revokeLink(d, c, param(req, "linkId"), requirePrincipal(res).name);
    await audit(d, actorOf(req, res), { action: "connector.handoff_link_revoked", ...target(c), after: { linkId: link.id, revokedAt: link.revokedAt } });
    const out: HandoffLinkResponse = { link: toLinkView(link, d.now()) };
    res.json(out);
  });
  return r;
}
