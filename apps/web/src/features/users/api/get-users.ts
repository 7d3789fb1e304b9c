import { listUsersResponseSchema, routes } from "@wc/contracts";
import { apiClient } from "../../../lib/api-client";

export function getUsers(signal?: AbortSignal) {
  return apiClient.get(routes.users, listUsersResponseSchema, signal);
}
