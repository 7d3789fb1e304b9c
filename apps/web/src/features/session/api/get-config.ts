import { publicConfigSchema, routes } from "@wc/contracts";
import { apiClient } from "../../../lib/api-client";

export function getConfig(signal?: AbortSignal) {
  return apiClient.get(routes.config, publicConfigSchema, signal);
}
