/** The environment variables the CLI reads, by name, for the messages that tell which one to set. */
export const ENV = { url: "WORKDAY_CONNECT_URL", token: "WORKDAY_CONNECT_TOKEN" } as const;

export interface CliEnv {
  url: string | undefined;
  token: string | undefined;
}

/** The only place the CLI reads the environment; everything else is handed what it needs. */
export function readEnv(env: NodeJS.ProcessEnv = process.env): CliEnv {
  return { url: env[ENV.url], token: env[ENV.token] };
}
