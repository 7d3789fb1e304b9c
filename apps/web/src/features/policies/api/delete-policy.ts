import { routes } from "@wc/contracts";
import { apiClient } from "../../../lib/api-client";

export function deletePolicy(id: string) {
  return apiClient.delete(routes.policy(id));
}
