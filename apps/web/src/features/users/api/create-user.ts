import { routes, userResponseSchema, type CreateUserRequest } from "@wc/contracts";
import { apiClient } from "../../../lib/api-client";

export function createUser(body: CreateUserRequest) {
  return apiClient.post(routes.users, body, userResponseSchema);
}
