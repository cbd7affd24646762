/**
 * The page's guided setup on core's setup session (core/src/steps/setup-session.ts), the one the
 * CLI's wizard and `setup --yes` run: core decides every credential (Boxafe 1.5's certificate made,
 * or the app's kept when it was handed over before; the secret's lifetime after the tenant's rules;
 * what the proofs sign in with; the pending marks the hand-over clears). This host supplies only the
 * browser's parts: the signed-in account and its Graph port, the role check, core's preflight with
 * the page's token, a certificate maker on WebCrypto, and the page's proof (consent read back with
 * the admin's token, a secret through the deployment's API: the page redeems no credential itself).
 * A new secret or key pair is kept here, in memory only, the moment core hands it over.
 */
import type {
  CertificateMaker,
  EffectHandlers,
  GraphPort,
  HostProofInput,
  NewSecret,
  PreflightResult,
  ProofPorts,
  RuntimePorts,
  SetupRequest,
  SetupSession,
  VerificationReport,
} from "@boxafe-connect/core";
import { CoreError, createSetupSession, preflight } from "@boxafe-connect/core";
import type { PageCertificate } from "./boxafe-certificate.js";

/** What preflight needs from the signed-in session (core runs it between the read and the plan). */
export interface PreflightAccess {
  readonly accessToken: () => Promise<string>;
  readonly graphWith: (extraScopes: readonly string[]) => Promise<GraphPort>;
  /** The sign-in's token carries Policy.Read.All: preflight's reads ride in observe's $batch (as the CLI). */
  readonly readPolicies?: boolean;
}

export interface PageSignedIn {
  readonly username: string;
  readonly tenantId: string;
  readonly graph: GraphPort;
  /** Without it no preflight runs and the request's lifetimes stand. */
  readonly access?: PreflightAccess;
}

export interface PageHost {
  readonly runtime: RuntimePorts;
  signIn(): Promise<PageSignedIn>;
  checkRole(): Promise<{ readonly roles: readonly string[] }>;
  readonly certificates: CertificateMaker<PageCertificate>;
  /** Core's SharePoint certificate use case proves with these (the page: never redeemed, see add-certificate.ts). */
  readonly proof: ProofPorts;
  /** The page's proof of the credential core chose (undefined: none made in this run). */
  prove(
    input: HostProofInput & { readonly graph: GraphPort },
    progress: (granted: number, total: number) => void,
  ): Promise<VerificationReport>;
}

/** What this run handed to the page: shown (and downloaded) from here, never saved. */
export interface PageHandedOver {
  readonly secret?: NewSecret;
  readonly certificate?: PageCertificate;
}

export interface PageSetup {
  readonly session: SetupSession<PageCertificate>;
  readonly handlers: EffectHandlers;
  /** The last preflight (the review lists its checks and reasons). */
  preflight(): PreflightResult | undefined;
  handedOver(): PageHandedOver;
}

export function pageSetupSession(host: PageHost, request: SetupRequest): PageSetup {
  let signedIn: PageSignedIn | undefined;
  let checked: PreflightResult | undefined;
  let handed: PageHandedOver = {};
  const need = (): PageSignedIn => {
    if (!signedIn) throw new CoreError("unauthenticated", "You are not signed in. Sign in to continue.");
    return signedIn;
  };
  const session = createSetupSession<PageCertificate>(
    {
      async signIn() {
        signedIn = await host.signIn();
        const graph = signedIn.graph;
        return {
          username: signedIn.username,
          tenantId: signedIn.tenantId,
          ports: {
            ...host.runtime,
            graph,
            readPolicies: signedIn.access?.readPolicies === true,
            proof: host.proof,
            certificates: host.certificates,
            // In the page (and its downloads) before anything after the write can fail.
            handOver: async (credential) => {
              handed = {
                ...handed,
                ...(credential.secret ? { secret: credential.secret } : {}),
                ...(credential.certificate ? { certificate: credential.certificate } : {}),
              };
            },
          },
        };
      },
      checkRole: () => host.checkRole(),
      async fit(prepared, wanted) {
        const access = need().access;
        checked = undefined;
        if (!access) return wanted;
        // Read-only: the review lists the checks; a failing one keeps Apply disabled (register-app.tsx).
        checked = await preflight(
          { ...host.runtime, graph: need().graph, policyGraph: access.graphWith },
          {
            accessToken: await access.accessToken(),
            observed: prepared.observed,
            permissions: prepared.permissions,
            signedInWith: "browser",
            credentials: wanted,
            ...(prepared.observed.policies ? { policies: prepared.observed.policies } : {}),
          },
        );
        return checked.credentials;
      },
      prove: (input, progress) => host.prove({ ...input, graph: need().graph }, progress),
    },
    request,
  );
  return {
    session,
    handlers: session.handlers,
    preflight: () => checked,
    handedOver: () => handed,
  };
}
