import { apiErrorSchema, CSRF_HEADER, CSRF_HEADER_VALUE } from "@wc/contracts";
import type { z } from "zod";

/** Codes the client adds to the BFF's `ERROR_CODES` when no error body could be read. */
export type ClientErrorCode = "network_error" | "invalid_response" | "http_error";

/** Every failed call ends here: the BFF's error shape, or a client-side stand-in for it. */
export class ApiError extends Error {
  override readonly name = "ApiError";
  readonly code: string;
  readonly status: number;
  readonly fields: Readonly<Record<string, string>>;
  readonly requestId: string | undefined;

  constructor(init: { code: string; message: string; status: number; fields?: Record<string, string>; requestId?: string | undefined }) {
    super(init.message);
    this.code = init.code;
    this.status = init.status;
    this.fields = init.fields ?? {};
    this.requestId = init.requestId;
  }
}

/**
 * A 401 on a call made with a session: the session is missing or has ended. Deliberately not an
 * `ApiError`: the routes that show an `ApiError`'s message let this one through, and the router
 * sends the reader to sign-in with the page they were on (see app/session-gate.ts).
 */
export class SessionEndedError extends Error {
  override readonly name = "SessionEndedError";
  readonly status = 401;

  constructor() {
    super("Your session has ended. Sign in again to continue.");
  }
}

type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

function buildInit(method: Method, body: unknown, signal: AbortSignal | undefined): RequestInit {
  const headers: Record<string, string> = { Accept: "application/json" };
  if (method !== "GET") headers[CSRF_HEADER] = CSRF_HEADER_VALUE;
  if (body !== undefined) headers["Content-Type"] = "application/json";
  const init: RequestInit = { method, headers, credentials: "same-origin" };
  if (body !== undefined) init.body = JSON.stringify(body);
  if (signal) init.signal = signal;
  return init;
}

export async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (text === "") return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** The BFF's error shape as an `ApiError`, or `http_error` when the body says nothing readable. */
export function errorFromResponse(status: number, body: unknown): ApiError {
  const parsed = apiErrorSchema.safeParse(body);
  if (parsed.success) {
    const { code, message, fields, requestId } = parsed.data.error;
    return new ApiError({ code, message, status, requestId, ...(fields ? { fields } : {}) });
  }
  return new ApiError({
    code: "http_error",
    status,
    message: `The server answered with HTTP ${status} and no explanation. Try again; if it keeps happening, ask support to check the server logs.`,
  });
}

/**
 * How a failed answer is thrown. A 401 means the session ended, except on the calls that check
 * credentials themselves (sign-in, setup, the own-password change), where it answers the credentials.
 */
export function failureOf(status: number, body: unknown, { checksCredentials = false }: { checksCredentials?: boolean } = {}): ApiError | SessionEndedError {
  if (status === 401 && !checksCredentials) return new SessionEndedError();
  return errorFromResponse(status, body);
}

/** `fetch`, with a failure to reach the server turned into `network_error` (an abort stays an abort). */
export async function send(path: string, init: RequestInit): Promise<Response> {
  try {
    return await fetch(path, init);
  } catch (error) {
    if (init.signal?.aborted) throw error;
    throw new ApiError({
      code: "network_error",
      status: 0,
      message: "Could not reach workday-connect. Check your network connection, then try again.",
    });
  }
}

interface RequestOptions {
  signal?: AbortSignal | undefined;
  redirect?: RequestRedirect;
  /** The call checks a password or token itself, so its 401 is an answer, not a lost session. */
  checksCredentials?: boolean;
}

/** Sends one request and returns the JSON body of a 2xx answer; anything else becomes an `ApiError` (or `SessionEndedError`). */
async function request(method: Method, path: string, body?: unknown, options: RequestOptions = {}): Promise<{ status: number; body: unknown }> {
  const init = buildInit(method, body, options.signal);
  if (options.redirect) init.redirect = options.redirect;
  const response = await send(path, init);
  const json = await readJson(response);
  if (!response.ok) throw failureOf(response.status, json, options);
  return { status: response.status, body: json };
}

/** An answer that does not match its contracts schema. */
export function invalidResponse(status: number): ApiError {
  return new ApiError({
    code: "invalid_response",
    status,
    message: "The server sent an answer this page does not understand. Reload the page; if it persists, the page and server versions may differ.",
  });
}

function parseWith<S extends z.ZodType>(schema: S) {
  return ({ status, body }: { status: number; body: unknown }): z.output<S> => {
    const parsed = schema.safeParse(body);
    if (parsed.success) return parsed.data;
    throw invalidResponse(status);
  };
}

/**
 * The one way the SPA talks to the BFF: same-origin cookies, the CSRF header on every
 * state-changing request, and every answer parsed with its contracts schema (unknown keys are
 * dropped, so nothing unexpected reaches the UI). It has no UI side effects: loaders, actions and
 * features decide what to show.
 */
export const apiClient = {
  get: <S extends z.ZodType>(path: string, schema: S, signal?: AbortSignal) => request("GET", path, undefined, { signal }).then(parseWith(schema)),
  /** A GET that must land where it was sent: a redirect is a failure (its opaque answer is not 2xx). */
  getWithoutRedirect: <S extends z.ZodType>(path: string, schema: S) => request("GET", path, undefined, { redirect: "manual" }).then(parseWith(schema)),
  post: <S extends z.ZodType>(path: string, body: unknown, schema: S, options: Pick<RequestOptions, "checksCredentials"> = {}) =>
    request("POST", path, body, options).then(parseWith(schema)),
  /** A POST answered with 204 No Content. */
  postNoContent: async (path: string, body?: unknown, options: Pick<RequestOptions, "checksCredentials"> = {}): Promise<void> => {
    await request("POST", path, body, options);
  },
  put: <S extends z.ZodType>(path: string, body: unknown, schema: S) => request("PUT", path, body).then(parseWith(schema)),
  patch: <S extends z.ZodType>(path: string, body: unknown, schema: S) => request("PATCH", path, body).then(parseWith(schema)),
  delete: async (path: string): Promise<void> => {
    await request("DELETE", path);
  },
  /** A DELETE that answers with a body. */
  deleteWith: <S extends z.ZodType>(path: string, schema: S) => request("DELETE", path).then(parseWith(schema)),
};
