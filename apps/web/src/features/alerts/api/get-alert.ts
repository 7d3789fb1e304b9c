import { alertDetailSchema, routes } from "@wc/contracts";
import { apiClient } from "../../../lib/api-client";

export function getAlert(id: string, signal?: AbortSignal) {
  return apiClient.get(routes.alert(id), alertDetailSchema, signal);
}
