/**
 * `boxafe-connect api` / `pnpm --filter @boxafe-connect/api start`: runs the API on Node.
 *   --port N         listen port (0 = a free one; default 8787)
 *   --host H         listen address (default 127.0.0.1)
 *   --json           print one JSON line {"url": ...} instead of a sentence
 *   --cloud NAME     global (default), usgov or china
 *   --sandbox URL    talk to a sandbox tenant at URL and trust its CA
 *   --ca FILE        the sandbox CA (default $BOXAFE_SANDBOX_HOME/ca.pem or ~/.cache/boxafe-connect/sandbox-v2/ca.pem)
 *   --cors ORIGINS   comma-separated browser origins allowed by CORS
 * Limits and keys come from the environment with the Worker's binding names (RATE_LIMIT_CAPACITY,
 * API_KEYS, ...). Without API_KEYS, a key for this run only is made and printed once (`apiKey` in
 * the --json line): the protected routes are never open, even on a developer's machine.
 */
import { existsSync, readFileSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { trustCa } from "@boxafe-connect/runtime";
import { newApiKey } from "./auth/api-keys.js";
import type { ApiSettings } from "./env-config.js";
import type { RunningApi } from "./node.js";
import { startApiServer } from "./node.js";

function sandboxCa(explicit: string | undefined): string | undefined {
  const home = process.env.BOXAFE_SANDBOX_HOME || join(homedir(), ".cache", "boxafe-connect", "sandbox-v2");
  const file = explicit ?? join(home, "ca.pem");
  if (existsSync(file)) return readFileSync(file, "utf8");
  if (explicit !== undefined) throw new Error(`No CA file at ${explicit}.`);
  return undefined;
}

/** Starts the server and resolves once it listens (it stops on SIGINT/SIGTERM or `close()`). */
export async function main(argv: readonly string[]): Promise<RunningApi> {
  const { values } = parseArgs({
    // `pnpm start -- --port 0` passes the "--" through.
    args: argv[0] === "--" ? argv.slice(1) : [...argv],
    options: {
      port: { type: "string", default: "8787" },
      host: { type: "string", default: "127.0.0.1" },
      json: { type: "boolean", default: false },
      cloud: { type: "string" },
      sandbox: { type: "string" },
      ca: { type: "string" },
      cors: { type: "string" },
    },
    strict: true,
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error("--port must be 0..65535");
  const env = process.env as Record<string, string | undefined>;
  const settings: ApiSettings = {
    ...env,
    ...(values.cloud === undefined ? {} : { CLOUD: values.cloud }),
    ...(values.sandbox === undefined ? {} : { SANDBOX_ORIGIN: values.sandbox }),
    ...(values.cors === undefined ? {} : { CORS_ORIGINS: values.cors }),
  };
  if (settings.SANDBOX_ORIGIN) {
    const pem = sandboxCa(values.ca);
    if (pem !== undefined) trustCa(pem, settings.SANDBOX_ORIGIN);
  }
  const runKey = settings.API_KEYS ? undefined : await newApiKey("this-run");
  const api = await startApiServer({
    settings: runKey === undefined ? settings : { ...settings, API_KEYS: JSON.stringify([runKey.entry]) },
    port,
    hostname: values.host,
  });
  // The run's key is a credential handed over like a new secret: on stdout, once, before anything else.
  process.stdout.write(
    values.json
      ? `${JSON.stringify({ url: api.url, ...(runKey === undefined ? {} : { apiKey: runKey.key }) })}\n`
      : `boxafe-connect API on ${api.url}\n${
          runKey === undefined
            ? ""
            : `No API_KEYS set: this run's API key (send it as X-Api-Key) is ${runKey.key}\n`
        }`,
  );
  const stop = () => {
    void api.close().finally(() => process.exit(0));
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
  return {
    ...api,
    close: () => {
      process.off("SIGINT", stop);
      process.off("SIGTERM", stop);
      return api.close();
    },
  };
}

if (process.argv[1] !== undefined && import.meta.url.endsWith(process.argv[1].replace(/\\/g, "/"))) {
  main(process.argv.slice(2)).catch((error: unknown) => {
    process.stderr.write(`boxafe-connect api: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(2);
  });
}
