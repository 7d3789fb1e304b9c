/** A statement both engines take: `?` placeholders, which PostgreSQL gets numbered (`numbered`). */
export interface Sql {
  sql: string;
  params: unknown[];
}

/** For `LIKE … ESCAPE '\'`: the value matched literally. */
export const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * Case folding as both engines do it in SQL: SQLite's lower() and PostgreSQL's under COLLATE "C"
 * fold A–Z only, so a parameter compared with lower(column) is folded the same way.
 */
export const asciiLower = (s: string) => s.replace(/[A-Z]+/g, (m) => m.toLowerCase());

/** PostgreSQL's `$1, $2, …` for the `?`s of a portable statement (which holds no other `?`). */
export function numbered({ sql, params }: Sql): Sql {
  let n = 0;
  const text = sql.replace(/\?/g, () => `$${++n}`);
  if (n !== params.length) throw new Error(`query has ${n} placeholders for ${params.length} parameters`);
  return { sql: text, params };
}
