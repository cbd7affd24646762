/**
 * Client secret lifetime: the portal's choices (90, 180, 365, 545, 730 days) or an explicit end
 * date within two years. Default DEFAULT_SECRET_DAYS (defaults.ts). Bad input -> invalid_input naming the field.
 */
import { DEFAULT_SECRET_DAYS } from "../defaults.js";
import { CoreError } from "../errors.js";
import { endDateAfterDays } from "../tenant/secrets.js";

export const secretLifetimes = [90, 180, 365, 545, 730] as const;
export type SecretLifetimeDays = (typeof secretLifetimes)[number];

const DAY_MS = 86_400_000;
const MAX_DAYS = 730;

export interface SecretLifetime {
  /** Whole days from `now` (rounded up for an explicit date). */
  readonly days: number;
  readonly endDateTime: string;
}

/**
 * Accepts a number of days (one of the portal's choices), a string of digits, or an ISO date
 * (YYYY-MM-DD or a full timestamp) between tomorrow and two years from now.
 */
export function parseSecretLifetime(
  input: number | string | undefined,
  now: number,
  field = "secretDays",
): SecretLifetime {
  if (input === undefined || input === "") {
    return { days: DEFAULT_SECRET_DAYS, endDateTime: endDateAfterDays(now, DEFAULT_SECRET_DAYS) };
  }
  const text = String(input).trim();
  if (/^\d+$/.test(text)) {
    const days = Number(text);
    if (!(secretLifetimes as readonly number[]).includes(days)) {
      throw new CoreError(
        "invalid_input",
        `A secret lifetime of ${days} days is not offered; choose ${secretLifetimes.join(", ")} days or an end date (YYYY-MM-DD).`,
        { field },
      );
    }
    return { days, endDateTime: endDateAfterDays(now, days) };
  }
  const end = /^\d{4}-\d{2}-\d{2}$/.test(text) ? Date.parse(`${text}T23:59:59Z`) : Date.parse(text);
  if (Number.isNaN(end) || !/^\d{4}-\d{2}-\d{2}/.test(text)) {
    throw new CoreError(
      "invalid_input",
      `"${text.slice(0, 40)}" is neither a number of days nor a date (YYYY-MM-DD).`,
      { field },
    );
  }
  if (end <= now + DAY_MS) {
    throw new CoreError("invalid_input", "The secret's end date must be at least one day in the future.", {
      field,
    });
  }
  if (end > now + MAX_DAYS * DAY_MS) {
    throw new CoreError(
      "invalid_input",
      "A client secret can last at most two years (730 days); choose an earlier end date.",
      { field },
    );
  }
  return { days: Math.ceil((end - now) / DAY_MS), endDateTime: new Date(end).toISOString() };
}

/** The next shorter portal choice, for a retry after CredentialInvalidLifetimeAsPerAppPolicy. */
export function shorterLifetime(days: number): SecretLifetimeDays | undefined {
  return [...secretLifetimes].reverse().find((d) => d < days);
}
