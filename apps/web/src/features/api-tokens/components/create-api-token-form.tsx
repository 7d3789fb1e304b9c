import { API_TOKEN_DEFAULT_DAYS, API_TOKEN_EXPIRY_CHOICES, roleSchema } from "@wc/contracts";
import { useLayoutEffect, useRef } from "react";
import { useFetcher } from "react-router";
import { ProblemMessage } from "../../../components/ui/problem-message";
import { SelectField } from "../../../components/ui/select-field";
import { TextField } from "../../../components/ui/text-field";
import { paths } from "../../../config/paths";
import { ROLE_NAMES } from "../../../lib/labels";
import type { ApiTokenActionResult } from "../api-token-intents";
import { CreatedTokenBox } from "./created-token-box";

const ROLE_OPTIONS = roleSchema.options.map((role) => ({ value: role, label: ROLE_NAMES[role] }));
const EXPIRY_OPTIONS = API_TOKEN_EXPIRY_CHOICES.map((c) => ({ value: String(c.days), label: c.label }));

/**
 * A new token for a script. A fetcher rather than the route's action data: Done can forget the
 * answer holding the secret (`reset()`), and leaving the page unmounts the fetcher with it.
 */
export function CreateApiTokenForm({ publicUrl }: { publicUrl: string }) {
  const fetcher = useFetcher<ApiTokenActionResult>();
  const form = useRef<HTMLFormElement>(null);
  const result = fetcher.data?.intent === "create" ? fetcher.data : undefined;
  const problem = fetcher.state === "idle" && result && "problem" in result ? result.problem : undefined;
  const created = result && "created" in result ? result.created : undefined;
  // Before paint, so the new token never shows next to the values that made it.
  useLayoutEffect(() => {
    if (created) form.current?.reset();
  }, [created]);

  function done() {
    fetcher.reset();
    // The box with the focused Done button goes away: the next token starts at its name.
    form.current?.querySelector<HTMLInputElement>('input[name="name"]')?.focus();
  }

  return (
    <section aria-labelledby="create-api-token-heading">
      <h2 id="create-api-token-heading">Create API token</h2>
      {created ? <CreatedTokenBox created={created} publicUrl={publicUrl} onDone={done} /> : null}
      {problem?.message ? <ProblemMessage message={problem.message} requestId={problem.requestId} /> : null}
      <fetcher.Form method="post" action={paths.apiTokens.getHref()} noValidate ref={form}>
        <input type="hidden" name="intent" value="create" />
        <TextField label="Name" name="name" autoComplete="off" hint="The script or tool that will use it" error={problem?.fields.name} />
        <SelectField
          label="Role"
          name="role"
          options={ROLE_OPTIONS}
          defaultValue="support"
          hint="The token has the same permissions as this role, except that it can never sign in, change passwords, manage users' sign-in or create tokens."
          error={problem?.fields.role}
        />
        <SelectField
          label="Expires after"
          name="expiresInDays"
          options={EXPIRY_OPTIONS}
          defaultValue={String(API_TOKEN_DEFAULT_DAYS)}
          error={problem?.fields.expiresInDays}
        />
        <button type="submit" className="button-primary" disabled={fetcher.state !== "idle"}>
          Create token
        </button>
      </fetcher.Form>
    </section>
  );
}
