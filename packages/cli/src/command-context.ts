/** What every command receives from main.ts: parsed values, output, environment and stdin. */
import type { OptionValue } from "./cli/option-spec.js";
import type { Output } from "./output.js";

export interface CommandContext {
  /** e.g. "secret rotate". */
  readonly command: string;
  readonly values: Readonly<Record<string, OptionValue>>;
  readonly out: Output;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly stdin: NodeJS.ReadableStream & { readonly isTTY?: boolean };
  /** Prompts are possible: stdin and stderr are terminals and --json was not given. */
  readonly interactive: boolean;
}

/** A command module's one entry point; resolves the exit code. */
export type RunCommand = (context: CommandContext) => Promise<number>;

export function stringOption(context: CommandContext, name: string): string | undefined {
  const value = context.values[name];
  return typeof value === "string" ? value : undefined;
}

export function flag(context: CommandContext, name: string): boolean {
  return context.values[name] === true;
}

export function listOption(context: CommandContext, name: string): readonly string[] {
  const value = context.values[name];
  return Array.isArray(value) ? value : typeof value === "string" ? [value] : [];
}
