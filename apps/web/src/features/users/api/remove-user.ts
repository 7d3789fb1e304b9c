import { routes } from "@wc/contracts";
import { apiClient } from "../../../lib/api-client";

export function removeUser(id: string) {
  return apiClient.delete(routes.user(id));
}
