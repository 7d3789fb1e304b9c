import { PASSWORD_MIN_LENGTH, roleSchema } from "@wc/contracts";
import { useLayoutEffect, useRef } from "react";
import { Form, useNavigation } from "react-router";
import { ProblemMessage } from "../../../components/ui/problem-message";
import { SelectField } from "../../../components/ui/select-field";
import { TextField } from "../../../components/ui/text-field";
import { paths } from "../../../config/paths";
import { ROLE_NAMES } from "../../../lib/labels";
import type { UserActionResult } from "../user-intents";

const ROLE_OPTIONS = roleSchema.options.map((role) => ({ value: role, label: ROLE_NAMES[role] }));

/** A local account with a first password the admin hands over; emptied once the user was added. */
export function AddUserForm({ result }: { result: UserActionResult | undefined }) {
  const navigation = useNavigation();
  const busy = navigation.state === "submitting" && navigation.formData?.get("intent") === "create";
  const form = useRef<HTMLFormElement>(null);
  const mine = result?.intent === "create" ? result : undefined;
  const problem = mine && "problem" in mine ? mine.problem : undefined;
  // Before paint, so the success message never shows next to the values it just sent.
  useLayoutEffect(() => {
    if (mine && "done" in mine) form.current?.reset();
  }, [mine]);
  return (
    <section aria-labelledby="add-user-heading">
      <h2 id="add-user-heading">Add user</h2>
      {problem?.message ? <ProblemMessage message={problem.message} requestId={problem.requestId} /> : null}
      <Form method="post" action={paths.users.getHref()} noValidate ref={form}>
        <input type="hidden" name="intent" value="create" />
        <TextField label="Name" name="name" autoComplete="off" error={problem?.fields.name} />
        <TextField label="Email" name="email" type="email" autoComplete="off" error={problem?.fields.email} />
        <SelectField label="Role" name="role" options={ROLE_OPTIONS} defaultValue="support" error={problem?.fields.role} />
        <TextField
          label="Password"
          name="password"
          type="password"
          autoComplete="new-password"
          hint={`At least ${PASSWORD_MIN_LENGTH} characters. Give it to them another way than email; they can change it under Account.`}
          error={problem?.fields.password}
        />
        <button type="submit" className="button-primary" disabled={busy}>
          Add user
        </button>
      </Form>
    </section>
  );
}
