import type { Params } from "react-router";
import { ApiError } from "../../lib/api-client";

/** The `:id` of a connector (channel, policy, alert) route; without one there is nothing to show (the error boundary's 404). */
export function requireId(params: Params, names: "connector" | "channel" | "policy" | "alert" = "connector"): string {
  const id = params.id;
  if (!id) throw new ApiError({ code: "not_found", status: 404, message: `This address names no ${names}.` });
  return id;
}
