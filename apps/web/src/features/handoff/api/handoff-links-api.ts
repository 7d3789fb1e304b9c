import { handoffLinkCreatedResponseSchema, handoffLinkResponseSchema, handoffLinksResponseSchema, routes } from "@wc/contracts";
import { apiClient } from "../../../lib/api-client";

export const listHandoffLinks = (connectorId: string, signal?: AbortSignal) =>
  apiClient.get(routes.connectorHandoffLinks(connectorId), handoffLinksResponseSchema, signal);
export const createHandoffLink = (connectorId: string, expiresInHours: number) =>
  apiClient.post(routes.connectorHandoffLinks(connectorId), { expiresInHours }, handoffLinkCreatedResponseSchema);
export const revokeHandoffLink = (connectorId: string, linkId: string) =>
  apiClient.deleteWith(routes.connectorHandoffLink(connectorId, linkId), handoffLinkResponseSchema);
