import { routes } from "@wc/contracts";
import { apiClient } from "../../../lib/api-client";

export function signOut() {
  return apiClient.postNoContent(routes.signOut);
}
