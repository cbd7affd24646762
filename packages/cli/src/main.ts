/**
 * @module boxafe-connect CLI entry: parse, dispatch, render errors. Kept tiny on purpose: commands,
 * msal, the Graph client and clack load only when a command needs them, so --help starts fast.
 */
import packageJson from "../package.json" with { type: "json" };
import { commandHelp, topLevelHelp } from "./cli/help.js";
import { installInterrupt } from "./cli/interrupt.js";
import { globalOptions } from "./cli/options.js";
import { parseArgs } from "./cli/parse-args.js";
import { commands } from "./cli/specs/index.js";
import type { CommandContext, RunCommand } from "./command-context.js";
import type { Output } from "./output.js";
import { createOutput } from "./output.js";
import { ExitCode, renderError } from "./render-error.js";
import { colorWanted } from "./style.js";

const loaders: Readonly<Record<string, () => Promise<RunCommand>>> = {
  setup: async () => (await import("./commands/setup.js")).runSetup,
  plan: async () => (await import("./commands/plan.js")).runPlan,
  check: async () => (await import("./commands/check.js")).runCheck,
  preflight: async () => (await import("./commands/preflight.js")).runPreflight,
  "secret rotate": async () => (await import("./commands/secret-rotate.js")).runSecretRotate,
  "secret retire": async () => (await import("./commands/secret-retire.js")).runSecretRetire,
  "certificate rotate": async () => (await import("./commands/certificate-rotate.js")).runCertificateRotate,
  "certificate retire": async () => (await import("./commands/certificate-retire.js")).runCertificateRetire,
  "certificate pfx": async () => (await import("./commands/certificate-pfx.js")).runCertificatePfx,
  sharepoint: async () => (await import("./commands/sharepoint.js")).runSharePoint,
  "ews status": async () => (await import("./commands/ews.js")).runEws,
  "ews allow": async () => (await import("./commands/ews.js")).runEws,
  sandbox: async () => (await import("./commands/sandbox.js")).runSandbox,
  "web-app register": async () => (await import("./commands/web-app-register.js")).runWebAppRegister,
  remove: async () => (await import("./commands/remove.js")).runRemove,
  verify: async () => (await import("./commands/verify.js")).runVerify,
  "secret list": async () => (await import("./commands/secret-list.js")).runSecretList,
  permissions: async () => (await import("./commands/permissions.js")).runPermissions,
  api: async () => (await import("./commands/api.js")).runApi,
  "fleet setup": async () => (await import("./fleet/setup-command.js")).runFleetSetup,
  "fleet check": async () => (await import("./fleet/check-command.js")).runFleetCheck,
  "fleet rotate": async () => (await import("./fleet/rotate-command.js")).runFleetRotate,
  "fleet retire": async () => (await import("./fleet/retire-command.js")).runFleetRetire,
};

export function reportError(error: unknown, out: Output, command: string | undefined): number {
  const rendered = renderError(error);
  out.error(`${rendered.message}${rendered.hint ? `\n  ${rendered.hint}` : ""}`);
  if (error instanceof Error && error.stack) out.debug(error.stack);
  const { exitCode, ...details } = rendered;
  out.result({ command: command ?? null, ok: false, exitCode, error: details });
  return exitCode;
}

export async function main(argv: readonly string[]): Promise<number> {
  const json = argv.includes("--json");
  const isTTY = Boolean(process.stderr.isTTY);
  const rich = !json && colorWanted({ noColorFlag: argv.includes("--no-color"), env: process.env, isTTY });
  const out = createOutput({
    json,
    verbose: argv.includes("--verbose"),
    rich,
    stdout: process.stdout,
    stderr: process.stderr,
  });
  let commandName: string | undefined;
  running = { out, command: undefined };
  try {
    const parsed = parseArgs(argv, globalOptions, commands);
    commandName = parsed.command?.name;
    running = { out, command: commandName };
    if (parsed.values.version === true) {
      process.stdout.write(`${packageJson.version}\n`);
      return ExitCode.Ok;
    }
    if (!parsed.command || parsed.values.help === true) {
      process.stdout.write(
        parsed.command ? commandHelp(parsed.command, out.style) : topLevelHelp(commands, out.style),
      );
      return parsed.command || parsed.values.help === true ? ExitCode.Ok : ExitCode.Usage;
    }
    const loader = loaders[parsed.command.name];
    if (!loader) throw new Error(`No implementation for '${parsed.command.name}'.`);
    const run = await loader();
    const context: CommandContext = {
      command: parsed.command.name,
      values: parsed.values,
      out,
      env: process.env,
      stdin: process.stdin,
      interactive: !json && Boolean(process.stdin.isTTY) && isTTY,
    };
    return await run(context);
  } catch (error) {
    return reportError(error, out, commandName);
  }
}

/** The run an interrupt ends: its output, so --json still gets its one document. */
let running: { readonly out: Output; readonly command: string | undefined } | undefined;

// Ctrl-C outside a prompt (prompts turn it into a cancel value themselves).
installInterrupt(() => {
  const message = "Cancelled. Run the command again to continue (a guided setup: setup --resume).";
  process.stderr.write(`\n${message}\n`);
  // A script reading --json gets the failure document every failed run prints (stdout is written
  // synchronously to files and pipes, so it is out before the exit); never a second document.
  if (running && !running.out.hasResult()) {
    running.out.result({
      command: running.command ?? null,
      ok: false,
      exitCode: ExitCode.Cancelled,
      error: { code: "cancelled", message },
    });
  }
  process.exit(ExitCode.Cancelled);
});

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`Unexpected error: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = ExitCode.Failure;
  },
);
