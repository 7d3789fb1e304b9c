import { routes, sessionResponseSchema, type SignInRequest } from "@wc/contracts";
import { apiClient } from "../../../lib/api-client";

/** A 401 here means the email or password is wrong, not that a session ended. */
export function signIn(body: SignInRequest) {
  return apiClient.post(routes.signIn, body, sessionResponseSchema, { checksCredentials: true });
}
