import { killSessionsResponseSchema, routes } from "@wc/contracts";
import { apiClient } from "../../../lib/api-client";

export function endUserSessions(id: string) {
  return apiClient.deleteWith(routes.userSessions(id), killSessionsResponseSchema);
}
