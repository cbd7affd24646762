/**
 * `pnpm start`: the sandbox tenant, the HTTP API and the guided web page, wired together, on one
 * machine with no Microsoft account. Open the printed URL and sign in as the sandbox's admin.
 *
 *   pnpm start [-- --sandbox-port N] [--web-port N] [--api-port N] [--no-api]
 *
 * The page is served over HTTPS with the sandbox's localhost certificate and forwards sign-in and
 * Graph calls to the sandbox, so the browser sees one origin and one certificate.
 */
import { parseArgs } from "node:util";
import { newApiKey } from "../packages/api/src/auth/api-keys.js";
import { startApiServer } from "../packages/api/src/node.js";
import { sandboxEndpoints } from "../packages/core/src/index.js";
import { trustCa } from "../packages/runtime/src/index.js";
import { ensureTls, SANDBOX_WEB_CLIENT_ID, startSandbox } from "../packages/sandbox/src/index.js";
import { buildPage } from "../packages/web/server/build-page.js";
import { startWebServer } from "../packages/web/server/web-server.js";

function isAddressInUse(error: unknown): boolean {
  return typeof error === "object" && error !== null && "code" in error && error.code === "EADDRINUSE";
}

/** Tries the preferred port, then any free one, so a second copy still starts. */
async function onPort<T>(preferred: number, start: (port: number) => Promise<T>): Promise<T> {
  try {
    return await start(preferred);
  } catch (error) {
    if (preferred === 0 || !isAddressInUse(error)) throw error;
    return start(0);
  }
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const { values } = parseArgs({
    args: args[0] === "--" ? args.slice(1) : args,
    options: {
      "sandbox-port": { type: "string", default: "8443" },
      "web-port": { type: "string", default: "8444" },
      "api-port": { type: "string", default: "8787" },
      "no-api": { type: "boolean", default: false },
    },
    strict: true,
  });

  process.stdout.write("Starting the sandbox tenant…\n");
  const sandbox = await onPort(Number(values["sandbox-port"]), (port) =>
    // Entra's CORS rule holds (AADSTS9002326 for a browser's non-SPA redemption); the page proves a
    // new secret through the API's /v1/verify, behind its own origin.
    startSandbox({ port }),
  );
  trustCa(sandbox.caPem, sandbox.url);

  process.stdout.write("Building the web page…\n");
  const distDir = await buildPage();
  const tls = await ensureTls();
  const admin = sandbox.admin.upn;
  // Two keys for this run: the page's server holds one allowed the proofs only (/v1/verify, /v1/prove:
  // the page's proofs go through it, same origin, so no key reaches the browser); the other is printed for you.
  const pageKey = await newApiKey("web-page", ["/v1/verify", "/v1/prove"]);
  const yourKey = await newApiKey("this-run");
  const api = values["no-api"]
    ? undefined
    : await onPort(Number(values["api-port"]), (port) =>
        startApiServer({
          port,
          settings: { SANDBOX_ORIGIN: sandbox.url, API_KEYS: JSON.stringify([pageKey.entry, yourKey.entry]) },
          logger: () => undefined,
        }),
      );

  const web = await onPort(Number(values["web-port"]), (port) =>
    startWebServer({
      distDir,
      upstream: sandbox.url,
      upstreamCa: sandbox.caPem,
      tls: { cert: tls.certPem, key: tls.keyPem },
      config: {
        clientId: SANDBOX_WEB_CLIENT_ID,
        tenantId: sandbox.tenantId,
        hint: `Sandbox: sign in as ${admin}.`,
      },
      ...(api ? { verifyApi: { url: api.url, key: pageKey.key } } : {}),
      // The EWS step's "allow": a device-code sign-in for Exchange Online on the page's server.
      ewsAllow: { cloud: sandboxEndpoints(sandbox.url) },
      port,
    }),
  );

  process.stdout.write(
    [
      "",
      "boxafe-connect is running on the local sandbox tenant.",
      "",
      `  Open      ${web.url}/`,
      `  Sign in   ${admin} (Global Administrator; pick it on the sandbox sign-in page, no password)`,
      `  Tenant    ${sandbox.tenantId} (${sandbox.tenantDomain})`,
      `  Sandbox   ${sandbox.url}   state: ${sandbox.url}/_sandbox/state`,
      ...(api
        ? [
            `  API       ${api.url}   OpenAPI: ${api.url}/openapi.json`,
            `  API key   ${yourKey.key}   (send as X-Api-Key; valid for this run only)`,
          ]
        : []),
      `  CA        ${sandbox.caFile}`,
      "",
      "Your browser will say the connection is not private: the sandbox made its own certificate",
      "authority. Choose Advanced > Proceed to localhost once, or trust the CA file above in your",
      "browser or system to make the warning go away for good.",
      "",
      "Press Ctrl+C to stop.",
      "",
    ].join("\n"),
  );

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await Promise.allSettled([web.stop(), api?.close(), sandbox.stop()]);
    process.exit(0);
  };
  process.on("SIGINT", () => void stop());
  process.on("SIGTERM", () => void stop());
}

main().catch((error: unknown) => {
  process.stderr.write(`pnpm start failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
