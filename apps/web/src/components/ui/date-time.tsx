const format = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });

/** A server timestamp in the reader's locale, with the exact ISO value kept in `dateTime`. */
export function DateTime({ value, empty = "—" }: { value: string | null; empty?: string }) {
  if (value === null) return <>{empty}</>;
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return <>{value}</>;
  return <time dateTime={value}>{format.format(date)}</time>;
}
