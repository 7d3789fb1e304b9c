import { routes, type ChangeOwnPasswordRequest } from "@wc/contracts";
import { apiClient } from "../../../lib/api-client";

/** A 401 here can answer a wrong current password, so it is shown rather than treated as signed out. */
export function changePassword(body: ChangeOwnPasswordRequest) {
  return apiClient.postNoContent(routes.sessionPassword, body, { checksCredentials: true });
}
