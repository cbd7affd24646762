/**
 * One CLI for Microsoft 365 installation pointed at a sandbox: the run's CA and TLS front, a private
 * m365 home, and the two commands of the job (`m365 login` by device code, `m365 entra app add`).
 */
import { join } from "node:path";
import { devicePrompt, enterDeviceCode } from "./device-login.js";
import { createFrontCertificate } from "./front-certificate.js";
import { type M365Home, type M365Run, MICROSOFT_HOSTS, m365Home, runM365 } from "./m365-process.js";
import { entraAppAddArgs } from "./table1-options.js";
import { startTlsFront, type TlsFront } from "./tls-front.js";

export interface PeerSandbox {
  readonly url: string;
  readonly tenantId: string;
  readonly caPem: string;
}

export interface Peer {
  readonly front: TlsFront;
  /** The front as a sandbox origin (`https://localhost:<port>`), for a client that takes a URL. */
  readonly frontUrl: string;
  /** The run's front CA and the sandbox CA: what a client of the front must trust. */
  readonly caPems: readonly string[];
  readonly home: M365Home;
  /**
   * `m365 login --appId --tenant` (default auth type: deviceCode). With `upn`, the code m365 prints is
   * entered on the sandbox's device-login page as that user; without, the sandbox auto-approves.
   */
  login(options: { appId: string; upn?: string }): Promise<M365Run>;
  /** `m365 entra app add` with Table 1, `--grantAdminConsent --withSecret`. */
  addApp(displayName: string): Promise<M365Run>;
  run(args: readonly string[]): Promise<M365Run>;
  close(): Promise<void>;
}

export async function startPeer(sandbox: PeerSandbox, dir: string): Promise<Peer> {
  // localhost too: our CLI, which takes the sandbox as a URL, can then go through the same front.
  const certificate = await createFrontCertificate([...MICROSOFT_HOSTS, "localhost"]);
  const front = await startTlsFront({ certificate, sandboxUrl: sandbox.url, sandboxCaPem: sandbox.caPem });
  const caPems = [certificate.caPem, sandbox.caPem];
  const home = m365Home({ dir: join(dir, "m365"), frontPort: front.port, caPems });
  return {
    front,
    frontUrl: `https://localhost:${front.port}`,
    caPems,
    home,
    login: async ({ appId, upn }) => {
      let entered: Promise<void> | undefined;
      let failure: unknown;
      const run = await runM365(
        home,
        ["login", "--appId", appId, "--tenant", sandbox.tenantId],
        (stderr, child) => {
          if (upn === undefined || entered) return;
          const prompt = devicePrompt(stderr);
          if (!prompt) return;
          entered = enterDeviceCode(prompt, upn).catch((error: unknown) => {
            failure = error;
            child.kill();
          });
        },
      );
      await entered;
      if (failure !== undefined) throw failure;
      return run;
    },
    addApp: (displayName) => runM365(home, entraAppAddArgs(displayName)),
    run: (args) => runM365(home, args),
    close: () => front.close(),
  };
}
