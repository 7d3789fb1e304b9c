import type { HandoffConsentHooks } from "../consent";
import { audit } from "../audit";
import { actorName, hashSecret, newSecret, RESULT_TICKET_MS, stateOf, type HandoffDeps } from "./handoff-links";

/** How consent treats an attempt started from the hand-off page (consent/ knows only this interface). */
export function handoffConsentHooks(d: HandoffDeps): HandoffConsentHooks {
  return {
    async actorIfActive(linkId, connectorId) {
      const l = await d.store.getHandoffLink(linkId);
      return l && l.connectorId === connectorId && stateOf(l, d.now()) === "active" ? actorName(l) : null;
    },
    async spend(linkId, connector, name, client) {
      const ticket = newSecret();
      const now = d.now();
      const at = now.toISOString();
      const spent = await d.store.spendHandoffLink(
        linkId,
        { step: "consent_completed", at, ip: client.ip, userAgent: client.userAgent },
        { hash: hashSecret(ticket), expiresAt: new Date(now.getTime() + RESULT_TICKET_MS).toISOString() },
      );
      if (!spent) {
        d.log.warn({ connectorId: connector.id, linkId }, "hand-off link was spent or revoked while its consent completed");
        return null;
      }
      await audit(
        d,
        { id: null, name, ip: client.ip, requestId: client.requestId },
        {
          action: "connector.handoff_link_used",
          targetType: "connector",
          targetId: connector.id,
          targetName: connector.name,
          after: { linkId, usedAt: at },
        },
      );
      return ticket;
    },
  };
}
