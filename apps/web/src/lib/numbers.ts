// The page's words are English, so its numbers are too ("45,210 rows", not "45.210 rows").
const counts = new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 });

/** A count for a sentence: "45,210". */
export function formatCount(value: number): string {
  return counts.format(value);
}

/** "1 row", "45,210 rows". */
export function formatRows(value: number): string {
  return `${formatCount(value)} ${value === 1 ? "row" : "rows"}`;
}
