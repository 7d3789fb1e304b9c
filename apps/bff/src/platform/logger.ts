import pino, { type DestinationStream, type Logger } from "pino";

/**
 * Structured logs in UTC. Redaction is a second line of defence: code never passes secrets to the
 * logger in the first place (tests scan every line for them).
 */
export const REDACT_PATHS = [
  "req.headers.cookie",
  "req.headers.authorization",
  'res.headers["set-cookie"]',
  "*.clientSecret",
  "*.client_secret",
  "*.refreshToken",
  "*.refresh_token",
  "*.accessToken",
  "*.access_token",
  "*.code",
  "*.code_verifier",
  "*.state",
  "*.password",
];

export function createLogger(level: string, destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: "workday-connect" },
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: { paths: REDACT_PATHS, censor: "[redacted]" },
    },
    destination,
  );
}
