import { routes, userResponseSchema, type UpdateUserRequest } from "@wc/contracts";
import { apiClient } from "../../../lib/api-client";

export function updateUser(id: string, body: UpdateUserRequest) {
  return apiClient.patch(routes.user(id), body, userResponseSchema);
}
