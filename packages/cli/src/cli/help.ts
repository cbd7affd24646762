/** Help text for the top level and for each command, generated from the command table. */
import type { Style } from "../style.js";
import { bin } from "./bin-name.js";
import type { CommandSpec, OptionSpec } from "./option-spec.js";

function optionLine(option: OptionSpec): string {
  const short = option.short ? `-${option.short}, ` : "    ";
  const value = option.value ? ` ${option.value}` : "";
  return `  ${short}--${option.name}${value}`;
}

function table(rows: readonly (readonly [string, string])[], width = 20): string[] {
  return rows.map(([left, right]) =>
    left.length + 2 > width ? `${left}\n${" ".repeat(width)}${right}` : `${left.padEnd(width)}${right}`,
  );
}

export function topLevelHelp(commands: readonly CommandSpec[], style: Style): string {
  return [
    `${style.bold(bin)}: register and maintain the Entra ID app QNAP Boxafe needs to back up Microsoft 365.`,
    "",
    `${style.bold("Usage:")} ${bin} <command> [options]`,
    "",
    style.bold("Commands:"),
    ...table(commands.map((c) => [`  ${c.name}`, c.summary])),
    "",
    style.bold("Examples:"),
    `  ${bin} setup                                # try it against the built-in sandbox tenant`,
    `  ${bin} setup --tenant contoso.onmicrosoft.com`,
    `  ${bin} check --tenant contoso.com --app-id 1111... --json`,
    `  ${bin} permissions`,
    "",
    `Run '${bin} <command> --help' for a command's options. Exit codes: 0 ok, 1 error, 2 usage,`,
    "3 drift found, 4 verification incomplete, 5 insufficient role or access denied, 6 a new credential",
    "was shown but its file not written, 7 a preflight rule failed, 130 cancelled.",
    "",
  ].join("\n");
}

export function commandHelp(command: CommandSpec, style: Style): string {
  const lines = [
    `${style.bold("Usage:")} ${bin} ${command.name} [options]`,
    "",
    command.summary,
    "",
    command.description,
    "",
  ];
  for (const group of command.groups) {
    lines.push(style.bold(`${group.title}:`));
    lines.push(
      ...table(
        group.options.map((o) => [optionLine(o), o.description]),
        32,
      ),
      "",
    );
  }
  lines.push(style.bold("Examples:"), ...command.examples.map((e) => `  $ ${e}`), "");
  return lines.join("\n");
}
