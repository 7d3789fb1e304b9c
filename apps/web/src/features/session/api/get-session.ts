import { routes, sessionResponseSchema } from "@wc/contracts";
import { apiClient } from "../../../lib/api-client";

export function getSession(signal?: AbortSignal) {
  return apiClient.get(routes.session, sessionResponseSchema, signal);
}
