/**
 * Argument parsing through Node's own `util.parseArgs` (tokens mode), with our rules on top:
 * options before or after the command words, `--sandbox` alone or with a URL (an "optional"
 * value), and usage errors that name the flag. Unknown or misplaced options are usage errors.
 */
import { parseArgs as parseNodeArgs } from "node:util";
import type { CommandSpec, OptionSpec, OptionValue } from "./option-spec.js";
import { refuseSecretArguments } from "./secret-guard.js";
import { UsageError } from "./usage-error.js";

export interface ParsedArgs {
  /** undefined when no command word was given (top-level help, --version). */
  readonly command: CommandSpec | undefined;
  readonly values: Readonly<Record<string, OptionValue>>;
  readonly positionals: readonly string[];
}

export function optionsOf(command: CommandSpec): readonly OptionSpec[] {
  return command.groups.flatMap((group) => group.options);
}

function allSpecs(globals: readonly OptionSpec[], commands: readonly CommandSpec[]): Map<string, OptionSpec> {
  const byName = new Map<string, OptionSpec>();
  for (const spec of [...globals, ...commands.flatMap(optionsOf)]) byName.set(spec.name, spec);
  return byName;
}

function findCommand(words: readonly string[], commands: readonly CommandSpec[]): CommandSpec | undefined {
  const two = words.slice(0, 2).join(" ");
  return commands.find((c) => c.name === two) ?? commands.find((c) => c.name === words[0]);
}

/**
 * An "optional" option without a value that fits (`--sandbox plan`) becomes `--sandbox=` so that
 * util.parseArgs, which knows only boolean and string, does not swallow the next word.
 */
function withOptionalValues(argv: readonly string[], specs: Map<string, OptionSpec>): string[] {
  return argv.map((word, i) => {
    const spec = word.startsWith("--") ? specs.get(word.slice(2)) : undefined;
    if (spec?.kind !== "optional") return word;
    const next = argv[i + 1];
    return next !== undefined && (spec.acceptsValue?.(next) ?? false) ? word : `${word}=`;
  });
}

export function parseArgs(
  argv: readonly string[],
  globals: readonly OptionSpec[],
  commands: readonly CommandSpec[],
): ParsedArgs {
  refuseSecretArguments(argv);
  const specs = allSpecs(globals, commands);
  const options = Object.fromEntries(
    [...specs.values()].map((spec) => [
      spec.name,
      {
        type: spec.kind === "boolean" ? ("boolean" as const) : ("string" as const),
        ...(spec.short ? { short: spec.short } : {}),
        ...(spec.multiple ? { multiple: true } : {}),
      },
    ]),
  );
  // strict: false so that our messages (not Node's) name the flag; tokens carry what was typed.
  const { tokens } = parseNodeArgs({
    args: withOptionalValues(argv, specs),
    options,
    strict: false,
    allowPositionals: true,
    tokens: true,
  });
  const values: Record<string, OptionValue> = {};
  const seen: string[] = [];
  const words: string[] = [];
  for (const token of tokens) {
    if (token.kind === "positional") {
      words.push(token.value);
      continue;
    }
    if (token.kind === "option-terminator") continue;
    const spec = specs.get(token.name);
    if (!spec) throw new UsageError(`Unknown option ${token.rawName}.`, findCommand(words, commands)?.name);
    seen.push(spec.name);
    let value: string | boolean;
    if (spec.kind === "boolean") {
      if (token.inlineValue) throw new UsageError(`--${spec.name} takes no value.`);
      value = true;
    } else if (spec.kind === "optional" && token.value === "") {
      value = true;
    } else if (token.value === undefined || (!token.inlineValue && token.value.startsWith("--"))) {
      throw new UsageError(`--${spec.name} needs a value${spec.value ? ` (${spec.value})` : ""}.`);
    } else {
      value = token.value;
    }
    if (spec.multiple) {
      const previous = values[spec.name];
      values[spec.name] = [...(Array.isArray(previous) ? previous : []), String(value)];
    } else {
      values[spec.name] = value;
    }
  }

  const command = findCommand(words, commands);
  if (!command && words.length > 0) {
    const group = commands.filter((c) => c.name.startsWith(`${words[0]} `)).map((c) => c.name);
    throw new UsageError(
      group.length > 0
        ? `'${words[0]}' needs a subcommand: ${group.join(", ")}.`
        : `Unknown command '${words[0]}'.`,
    );
  }
  const positionals = command ? words.slice(command.name.split(" ").length) : [];
  if (command) {
    const allowed = new Set([...globals, ...optionsOf(command)].map((s) => s.name));
    const stray = seen.find((name) => !allowed.has(name));
    if (stray) throw new UsageError(`--${stray} does not apply to '${command.name}'.`, command.name);
    if (positionals.length > 0) {
      throw new UsageError(`Unexpected argument '${positionals[0]}'.`, command.name);
    }
  }
  return { command, values, positionals };
}
