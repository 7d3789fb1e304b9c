// The Workday module's public entry: a connector's secrets and tokens, and every call to Workday.
export { secretAad, sealSecret, sealTokens, openSecret, workdayClientOf } from "./secrets";
export { buildAuthorizationRequest, exchangeCode, workdayConfiguration, type WorkdayClientParams } from "./workday-client";
export { createTokenService, type TokenService, type TokenDeps, type WorkdayDeps, type AccessTokenResult } from "./token-service";
export { authorizedGet, authorizedSession, type ApiAnswer, type ApiDeps } from "./workday-api";
export { classifyTokenFailure } from "./token-errors";
export { describeResponse, describeUpstreamError, safe, type UpstreamFailure } from "./upstream-error";
