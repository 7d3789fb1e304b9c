/** The three URLs Workday shows at the top of "View API Clients" (docs/workday.md §1). */
export type EndpointKind = "authorization" | "token" | "rest";

/** Field names exactly as Workday labels them, so messages point at what the admin sees. */
export const ENDPOINT_LABELS: Record<EndpointKind, string> = {
  authorization: "Authorization Endpoint",
  token: "Token Endpoint",
  rest: "Workday REST API Endpoint",
};

/** The usual shape of each endpoint, quoted in warnings when a pasted path looks different. */
export const ENDPOINT_SHAPES: Record<EndpointKind, string> = {
  authorization: "https://{host}/{tenant}/authorize",
  token: "https://{host}/ccx/oauth2/{tenant}/token",
  rest: "https://{host}/ccx/api/v1/{tenant}",
};
