import { PASSWORD_MIN_LENGTH, roleSchema, type User } from "@wc/contracts";
import { useState } from "react";
import { Form, useFetcher, type FetcherWithComponents } from "react-router";
import { DateTime } from "../../../components/ui/date-time";
import { ActionResult } from "../../../components/ui/action-result";
import { TextField } from "../../../components/ui/text-field";
import { paths } from "../../../config/paths";
import { ROLE_NAMES, SIGN_IN_SOURCE_NAMES } from "../../../lib/labels";
import type { UserActionResult } from "../user-intents";

type RowFetcher = FetcherWithComponents<UserActionResult>;

function Target({ intent, user }: { intent: string; user: User }) {
  return (
    <>
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="id" value={user.id} />
      <input type="hidden" name="name" value={user.name} />
    </>
  );
}

function RoleForm({ user, fetcher }: { user: User; fetcher: RowFetcher }) {
  const id = `role-${user.id}`;
  return (
    <fetcher.Form method="post" action={paths.users.getHref()} className="inline-form">
      <Target intent="role" user={user} />
      <label htmlFor={id} className="visually-hidden">
        Role for {user.name}
      </label>
      <select id={id} name="role" defaultValue={user.role}>
        {roleSchema.options.map((role) => (
          <option key={role} value={role}>
            {ROLE_NAMES[role]}
          </option>
        ))}
      </select>
      <button type="submit" className="button-small" disabled={fetcher.state !== "idle"}>
        Save role
      </button>
    </fetcher.Form>
  );
}

/** "Reset password" opens a field for the new one; it closes again once the password is set. */
function ResetPassword({ user, fetcher, result }: { user: User; fetcher: RowFetcher; result: UserActionResult | undefined }) {
  const [open, setOpen] = useState(false);
  const setNow = result?.intent === "password" && "done" in result;
  if (!open || setNow) {
    return (
      <button
        type="button"
        className="button-small"
        onClick={() => {
          setOpen(true);
          fetcher.reset();
        }}
      >
        Reset password
      </button>
    );
  }
  const problem = result?.intent === "password" && "problem" in result ? result.problem : undefined;
  return (
    <fetcher.Form method="post" action={paths.users.getHref()} noValidate className="reset-password">
      <Target intent="password" user={user} />
      <TextField
        label={`New password for ${user.name}`}
        name="password"
        type="password"
        autoComplete="new-password"
        hint={`At least ${PASSWORD_MIN_LENGTH} characters. Their sessions end.`}
        error={problem?.fields.password}
      />
      <div className="actions">
        <button type="submit" className="button-small" disabled={fetcher.state !== "idle"}>
          Set password
        </button>
        <button type="button" className="button-small" onClick={() => setOpen(false)}>
          Cancel
        </button>
      </div>
    </fetcher.Form>
  );
}

function RemoveForm({ user }: { user: User }) {
  return (
    <Form
      method="post"
      action={paths.users.getHref()}
      onSubmit={(event) => {
        if (!window.confirm(`Remove ${user.name} (${user.email})? They can no longer sign in, and their sessions end.`)) event.preventDefault();
      }}
    >
      <Target intent="remove" user={user} />
      <button type="submit" className="button-small button-danger">
        Remove
      </button>
    </Form>
  );
}

/** One person: their role can be changed, their password reset (local accounts), their sessions ended, or they are removed. */
export function UserRow({ user, isYou }: { user: User; isYou: boolean }) {
  const fetcher = useFetcher<UserActionResult>();
  // `reset()` leaves `data` null.
  const result = fetcher.state === "idle" ? (fetcher.data ?? undefined) : undefined;
  return (
    <tr>
      <td>
        {user.name}
        {isYou ? <span className="muted"> (you)</span> : null}
      </td>
      <td>{user.email}</td>
      <td>
        <RoleForm user={user} fetcher={fetcher} />
      </td>
      <td>{SIGN_IN_SOURCE_NAMES[user.source]}</td>
      <td>
        <DateTime value={user.lastSignInAt} empty="Not signed in yet" />
      </td>
      <td>{user.activeSessions}</td>
      <td>
        <div className="row-actions">
          {user.source === "local" ? <ResetPassword user={user} fetcher={fetcher} result={result} /> : null}
          <fetcher.Form method="post" action={paths.users.getHref()}>
            <Target intent="end-sessions" user={user} />
            <button type="submit" className="button-small" disabled={fetcher.state !== "idle"}>
              End sessions
            </button>
          </fetcher.Form>
          <RemoveForm user={user} />
        </div>
        <ActionResult result={result} />
      </td>
    </tr>
  );
}
