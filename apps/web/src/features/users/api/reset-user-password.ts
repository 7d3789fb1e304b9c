import { routes, type ResetPasswordRequest } from "@wc/contracts";
import { apiClient } from "../../../lib/api-client";

/** Sets a new password for someone else; the BFF ends their sessions. */
export function resetUserPassword(id: string, body: ResetPasswordRequest) {
  return apiClient.postNoContent(routes.userPassword(id), body);
}
