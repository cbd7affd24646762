/** Reading parsed flag values by name; only the request mappers in this folder use these. */
import type { OptionValue } from "../cli/option-spec.js";

export type FlagValues = Readonly<Record<string, OptionValue | undefined>>;

export function text(values: FlagValues, name: string): string | undefined {
  const value = values[name];
  return typeof value === "string" ? value : undefined;
}

export function on(values: FlagValues, name: string): boolean {
  return values[name] === true;
}

/** A whole number typed as text: "365" -> 365; anything else stays text so the schema names it. */
export function numberOrText(value: string | undefined): number | string | undefined {
  if (value === undefined) return undefined;
  return /^\s*\d+\s*$/.test(value) ? Number(value) : value;
}
