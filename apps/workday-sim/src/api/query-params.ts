import { singleParams } from "../http/params";
import { parseUtcSeconds } from "../lib/time";
import { invalidRequest } from "./access";

const INTEGER = /^\d+$/;

/** Collects every problem with the query, then fails once with all of them. */
export class QueryReader {
  private readonly params;
  readonly problems: string[] = [];

  constructor(query: unknown) {
    this.params = singleParams(query);
    if (this.params.repeated) this.problems.push(`'${this.params.repeated}' must be given once.`);
  }

  string(name: string): string | undefined {
    return this.params.get(name);
  }

  integer(name: string, fallback: number, min: number, max: number, hint = ""): number {
    const raw = this.params.get(name);
    if (raw === undefined) return fallback;
    if (!INTEGER.test(raw)) {
      this.problems.push(`'${name}' must be a whole number, got '${raw}'.`);
      return fallback;
    }
    const value = Number(raw);
    if (value < min || value > max) this.problems.push(`'${name}' must be between ${min} and ${max}, got ${raw}.${hint}`);
    return value;
  }

  utcSeconds(name: string): number {
    const raw = this.params.get(name);
    if (raw === undefined) {
      this.problems.push(`'${name}' is required, as yyyy-mm-ddThh:mm:ssZ (UTC, whole seconds).`);
      return 0;
    }
    const ms = parseUtcSeconds(raw);
    if (ms === null) this.problems.push(`'${name}' must be yyyy-mm-ddThh:mm:ssZ (UTC, whole seconds, no milliseconds), got '${raw}'.`);
    return ms ?? 0;
  }

  boolean(name: string): boolean {
    const raw = this.params.get(name);
    if (raw === undefined) return false;
    if (!/^(true|false)$/i.test(raw)) this.problems.push(`'${name}' must be true or false, got '${raw}'.`);
    return raw.toLowerCase() === "true";
  }

  /** Throws Workday's 400 if anything was wrong. */
  done(): void {
    if (this.problems.length > 0) throw invalidRequest(this.problems);
  }
}
