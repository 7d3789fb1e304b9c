import { ApiError } from "./api-client";

/** What a failed form submission gives back: a message for the alert and messages by field name. */
export interface FormProblem {
  message: string | null;
  fields: Readonly<Record<string, string>>;
  requestId?: string | undefined;
}

interface Issue {
  readonly path: readonly PropertyKey[];
  readonly message: string;
}

/** A contracts schema's complaints, the first one for each top-level field. */
export function problemFromIssues(issues: readonly Issue[]): FormProblem {
  const fields: Record<string, string> = {};
  for (const issue of issues) {
    const key = issue.path[0];
    if (typeof key === "string" && !(key in fields)) fields[key] = issue.message;
  }
  return { message: null, fields };
}

export function problemFromApi(error: ApiError): FormProblem {
  return { message: error.message, fields: error.fields, requestId: error.requestId };
}

/** Runs a call and hands back the API's refusal as a `FormProblem`; anything else is thrown on. */
export async function orProblem<T>(call: () => Promise<T>): Promise<{ ok: true; value: T } | { ok: false; problem: FormProblem }> {
  try {
    return { ok: true, value: await call() };
  } catch (error) {
    if (error instanceof ApiError) return { ok: false, problem: problemFromApi(error) };
    throw error;
  }
}

/** A text field of a submitted form ("" when missing). */
export function formText(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === "string" ? value : "";
}
