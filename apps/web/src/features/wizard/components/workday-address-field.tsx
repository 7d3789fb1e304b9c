import { parseWorkdayAddress, type HostAllowList } from "@wc/workday";
import { TextField } from "../../../components/ui/text-field";

export const WORKDAY_ADDRESS_LABEL = "Workday address (optional)";

/** The check the server makes, run in the browser first: an empty field is fine, anything else must be a Workday page's address. */
export function workdayAddressProblem(value: string, allow: HostAllowList): string | undefined {
  if (value.trim() === "") return undefined;
  const parsed = parseWorkdayAddress(value, allow);
  return parsed.ok ? undefined : parsed.error;
}

interface Props {
  value: string;
  onChange: (value: string) => void;
  error: string | undefined;
}

/** Asked early so every later step can link Workday's tasks straight into this tenant. */
export function WorkdayAddressField({ value, onChange, error }: Props) {
  return (
    <TextField
      label={WORKDAY_ADDRESS_LABEL}
      name="workdayAddress"
      hint="Sign in to Workday and copy the address from the browser, for example https://impl.workday.com/acme_impl/d/home.htmld. The next steps then link each Workday task into this tenant."
      autoComplete="off"
      inputMode="url"
      value={value}
      onChange={(e) => onChange(e.target.value)}
      error={error}
    />
  );
}
