/**
 * Where the page signs in and which Graph it calls. Read once at start: from the build environment
 * (VITE_BOXAFE_*) when set, else from `/config.json` served next to the page (`pnpm start` writes it
 * for the sandbox). Plain checks, no schema library, to keep the initial JavaScript small.
 */

export interface WebConfig {
  /** The public SPA client the admin signs in with (the sandbox pre-registers one). */
  readonly clientId: string;
  /** Authority URL including the tenant, e.g. https://login.microsoftonline.com/organizations. */
  readonly authority: string;
  /** Graph root ending in "/", e.g. https://graph.microsoft.com/. */
  readonly graphBaseUrl: string;
  /** The tenant to set up, when known in advance (GUID or domain). */
  readonly tenantId?: string;
  /** "sandbox" makes msal use the authority's own metadata and never call Microsoft. */
  readonly cloud: "global" | "usgov" | "china" | "sandbox";
  /** Token endpoint issuer the authority announces, when it differs from the authority (a proxy). */
  readonly issuer?: string;
  /** Shown on the sign-in step for the sandbox: the account to use. */
  readonly hint?: string;
  /**
   * Same-origin path of the deployment's token proof (POST, the API's /v1/verify body), e.g.
   * "/api/v1/verify". The page's server adds the API key; without it the page offers the CLI.
   */
  readonly verifyApi?: string;
  /** Same-origin path of the workload proofs (POST, the API's /v1/prove body): the secret or signed assertions. */
  readonly proveApi?: string;
  /** Same-origin path of the EWS step's "allow" (device-code sign-in for Exchange Online on the page's server). */
  readonly ewsApi?: string;
  /**
   * Origin of the token service that redeems the page's assertions (their aud names its token endpoint);
   * default: the authority's origin. The sandbox's page server proxies sign-in, so it names the sandbox.
   */
  readonly assertionAuthority?: string;
}

const clouds = ["global", "usgov", "china", "sandbox"] as const;

export type ConfigResult = { ok: true; config: WebConfig } | { ok: false; field: string; message: string };

function isUrl(value: unknown): value is string {
  if (typeof value !== "string") return false;
  try {
    const url = new URL(value);
    return url.protocol === "https:" || url.hostname === "localhost" || url.hostname === "127.0.0.1";
  } catch {
    return false;
  }
}

function sameOriginPath(value: unknown): value is string {
  return typeof value === "string" && /^\/(?!\/)[A-Za-z0-9/_-]*$/.test(value);
}

/** Checks raw JSON (from /config.json or the environment); the error names the bad field. */
export function parseConfig(raw: unknown): ConfigResult {
  if (typeof raw !== "object" || raw === null)
    return { ok: false, field: "config", message: "not an object" };
  const r = raw as Record<string, unknown>;
  if (typeof r.clientId !== "string" || r.clientId.trim() === "")
    return { ok: false, field: "clientId", message: "set the Application (client) ID of the sign-in app" };
  if (!isUrl(r.authority))
    return {
      ok: false,
      field: "authority",
      message: "set an https URL such as https://login.microsoftonline.com/organizations",
    };
  if (!isUrl(r.graphBaseUrl))
    return {
      ok: false,
      field: "graphBaseUrl",
      message: "set an https URL such as https://graph.microsoft.com/",
    };
  const cloud = r.cloud ?? "global";
  if (!clouds.includes(cloud as WebConfig["cloud"]))
    return { ok: false, field: "cloud", message: `use one of ${clouds.join(", ")}` };
  const graphBaseUrl = r.graphBaseUrl.endsWith("/") ? r.graphBaseUrl : `${r.graphBaseUrl}/`;
  return {
    ok: true,
    config: {
      clientId: r.clientId.trim(),
      authority: r.authority.replace(/\/+$/, ""),
      graphBaseUrl,
      cloud: cloud as WebConfig["cloud"],
      ...(typeof r.tenantId === "string" && r.tenantId !== "" ? { tenantId: r.tenantId } : {}),
      ...(typeof r.issuer === "string" && r.issuer !== "" ? { issuer: r.issuer } : {}),
      ...(typeof r.hint === "string" && r.hint !== "" ? { hint: r.hint } : {}),
      // A path on the page's own origin only: the secret must never be posted to another host.
      ...(sameOriginPath(r.verifyApi) ? { verifyApi: r.verifyApi } : {}),
      ...(sameOriginPath(r.proveApi) ? { proveApi: r.proveApi } : {}),
      ...(sameOriginPath(r.ewsApi) ? { ewsApi: r.ewsApi } : {}),
      ...(isUrl(r.assertionAuthority) ? { assertionAuthority: new URL(r.assertionAuthority).origin } : {}),
    },
  };
}

/** Build-time values win; otherwise the page asks its own server for /config.json. */
export async function loadConfig(fetchFn: typeof fetch = fetch): Promise<ConfigResult> {
  const env = import.meta.env;
  if (env.VITE_BOXAFE_CLIENT_ID) {
    return parseConfig({
      clientId: env.VITE_BOXAFE_CLIENT_ID,
      authority: env.VITE_BOXAFE_AUTHORITY,
      graphBaseUrl: env.VITE_BOXAFE_GRAPH_URL ?? "https://graph.microsoft.com/",
      tenantId: env.VITE_BOXAFE_TENANT,
      cloud: env.VITE_BOXAFE_CLOUD ?? "global",
    });
  }
  try {
    const res = await fetchFn("/config.json", { cache: "no-store" });
    if (!res.ok) return { ok: false, field: "config.json", message: `the server answered ${res.status}` };
    return parseConfig(await res.json());
  } catch {
    return { ok: false, field: "config.json", message: "could not be loaded; is the server running?" };
  }
}
