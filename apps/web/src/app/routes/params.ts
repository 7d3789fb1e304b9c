import type { Params } from "react-router";
import { ApiError } from "../../lib/api-client";

/** The `:id` of a connector (or channel) route; without one there is nothing to show (the error boundary's 404). */
export function requireId(params: Params, names: "connector" | "channel" = "connector"): string {
  const id = params.id;
  if (!id) throw new ApiError({ code: "not_found", status: 404, message: `This address names no ${names}.` });
  return id;
}
