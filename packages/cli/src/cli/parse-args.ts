/**
 * A small hand-written argument parser: `--name value`, `--name=value`, boolean flags, `-h`, options
 * before or after the command words, and "optional" values (`--sandbox` or `--sandbox URL`).
 * Unknown or misplaced options are usage errors naming the flag.
 */
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

function indexOptions(
  globals: readonly OptionSpec[],
  commands: readonly CommandSpec[],
): Map<string, OptionSpec> {
  const byName = new Map<string, OptionSpec>();
  for (const spec of [...globals, ...commands.flatMap(optionsOf)]) {
    byName.set(spec.name, spec);
    if (spec.short) byName.set(`-${spec.short}`, spec);
  }
  return byName;
}

function findCommand(words: readonly string[], commands: readonly CommandSpec[]): CommandSpec | undefined {
  const two = words.slice(0, 2).join(" ");
  return commands.find((c) => c.name === two) ?? commands.find((c) => c.name === words[0]);
}

export function parseArgs(
  argv: readonly string[],
  globals: readonly OptionSpec[],
  commands: readonly CommandSpec[],
): ParsedArgs {
  refuseSecretArguments(argv);
  const specs = indexOptions(globals, commands);
  const values: Record<string, OptionValue> = {};
  const seen: string[] = [];
  const words: string[] = [];

  for (let i = 0; i < argv.length; i += 1) {
    const word = argv[i] ?? "";
    if (word === "--") {
      words.push(...argv.slice(i + 1));
      break;
    }
    if (!word.startsWith("-") || word === "-") {
      words.push(word);
      continue;
    }
    const eq = word.indexOf("=");
    const key = word.startsWith("--") ? word.slice(2, eq === -1 ? undefined : eq) : word;
    const inline = eq === -1 ? undefined : word.slice(eq + 1);
    const spec = specs.get(key);
    if (!spec)
      throw new UsageError(`Unknown option ${word.split("=")[0]}.`, findCommand(words, commands)?.name);
    seen.push(spec.name);
    let value: string | boolean;
    if (spec.kind === "boolean") {
      if (inline !== undefined) throw new UsageError(`--${spec.name} takes no value.`);
      value = true;
    } else if (inline !== undefined) {
      value = inline;
    } else {
      const next = argv[i + 1];
      const takes =
        next !== undefined &&
        (spec.kind === "string" ? !next.startsWith("--") : (spec.acceptsValue?.(next) ?? false));
      if (takes) {
        value = next;
        i += 1;
      } else if (spec.kind === "optional") {
        value = true;
      } else {
        throw new UsageError(`--${spec.name} needs a value${spec.value ? ` (${spec.value})` : ""}.`);
      }
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
