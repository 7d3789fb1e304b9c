/**
 * An answer decided deep in a handler. The error handler writes it as JSON, or as the given HTML
 * page, so handlers can stop with `throw` and Express 5 routes the rejection there.
 */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: Record<string, unknown> | { readonly html: string },
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(`HTTP ${status}`);
    this.name = "HttpError";
  }
}

/** The control API's error shape: one sentence saying what to fix. */
export const controlError = (status: number, message: string): HttpError => new HttpError(status, { error: message });
