/** A response body as a JSON object: parsed when it arrived as text, null when it is not an object. */
export function jsonObject(body: unknown): Record<string, unknown> | null {
  let value = body;
  if (typeof value === "string") {
    try {
      value = JSON.parse(value) as unknown;
    } catch {
      return null;
    }
  }
  return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
}

/** Workday's and OAuth's `{"error": "…"}`, or null. */
export function errorOf(body: unknown): string | null {
  const error = jsonObject(body)?.error;
  return typeof error === "string" ? error : null;
}

/** Every error text in Workday's REST error model: `error` and each `errors[].error`. */
export function errorTexts(body: unknown): string[] {
  const object = jsonObject(body);
  if (object === null) return [];
  const nested = Array.isArray(object.errors) ? object.errors.map(errorOf) : [];
  return [errorOf(object), ...nested].filter((e): e is string => e !== null);
}
