import { routes } from "@wc/contracts";
import { apiClient } from "../../../lib/api-client";

export function deleteConnector(id: string) {
  return apiClient.delete(routes.connector(id));
}
