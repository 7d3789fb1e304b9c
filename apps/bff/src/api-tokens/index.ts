// The API token capability's public entry. Routes and middleware are mounted by app.ts.
export type { ApiTokenRecord, ApiTokenStore } from "./api-token-store";
export { hashApiToken } from "./api-tokens";
