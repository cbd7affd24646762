/**
 * Limits and cloud from string settings (Worker bindings, or process.env on Node). Pure: the
 * caller passes the record in. Anything malformed falls back to the default rather than to 0.
 */
import type { CloudEndpoints, CloudName } from "@boxafe-connect/core";
import { cloudEndpoints, sandboxEndpoints } from "@boxafe-connect/core";
import type { ApiKey } from "./auth/api-keys.js";
import { parseApiKeys } from "./auth/api-keys.js";
import type { ApiConfig } from "./config.js";
import { defaultLimits } from "./config.js";

export interface ApiSettings {
  /** global (default), usgov or china. Ignored when SANDBOX_ORIGIN is set. */
  readonly CLOUD?: string;
  /** https origin of a sandbox tenant, e.g. https://localhost:8443. */
  readonly SANDBOX_ORIGIN?: string;
  /** Comma-separated browser origins for CORS. */
  readonly CORS_ORIGINS?: string;
  readonly RATE_LIMIT_CAPACITY?: string;
  readonly RATE_LIMIT_REFILL_PER_SECOND?: string;
  /** JSON array of partner keys: [{"name", "sha256" (hex digest of the key), "routes": ["/v1/verify", ...]}]. */
  readonly API_KEYS?: string;
  readonly TENANT_RATE_LIMIT_CAPACITY?: string;
  readonly TENANT_RATE_LIMIT_REFILL_PER_SECOND?: string;
  /** Verifications of one tenant in flight at once. */
  readonly TENANT_MAX_CONCURRENT_VERIFY?: string;
  /** Node only: comma-separated addresses of reverse proxies whose X-Forwarded-For is believed. */
  readonly TRUSTED_PROXIES?: string;
  readonly BODY_LIMIT_BYTES?: string;
  readonly OUTBOUND_TIMEOUT_MS?: string;
  readonly VERIFY_DEADLINE_MS?: string;
  readonly CREDENTIAL_GRACE_MS?: string;
  readonly RETRY_BUDGET_MS?: string;
}

export interface ResolvedSettings {
  readonly cloud: CloudEndpoints;
  readonly corsOrigins: readonly string[];
  readonly rateLimit: ApiConfig["rateLimit"];
  readonly tenantLimit: ApiConfig["tenantLimit"];
  readonly apiKeys: readonly ApiKey[];
  readonly trustedProxies: readonly string[];
  readonly bodyLimitBytes: number;
  readonly timeouts: ApiConfig["timeouts"];
}

const CLOUDS: readonly CloudName[] = ["global", "usgov", "china"];

function positive(value: string | undefined, fallback: number): number {
  const n = value === undefined ? Number.NaN : Number(value);
  return Number.isFinite(n) && n > 0 ? n : fallback;
}

function nonNegative(value: string | undefined, fallback: number): number {
  const n = value === undefined || value === "" ? Number.NaN : Number(value);
  return Number.isFinite(n) && n >= 0 ? n : fallback;
}

export function cloudFrom(settings: Pick<ApiSettings, "CLOUD" | "SANDBOX_ORIGIN">): CloudEndpoints {
  if (settings.SANDBOX_ORIGIN) {
    const url = new URL(settings.SANDBOX_ORIGIN);
    if (url.protocol !== "https:") throw new Error("SANDBOX_ORIGIN must be an https:// origin");
    return sandboxEndpoints(url.origin);
  }
  const name = (settings.CLOUD ?? "global") as CloudName;
  if (!CLOUDS.includes(name)) throw new Error(`CLOUD must be one of ${CLOUDS.join(", ")}`);
  return cloudEndpoints(name);
}

function list(value: string | undefined): string[] {
  return (value ?? "")
    .split(",")
    .map((o) => o.trim())
    .filter((o) => o.length > 0);
}

export function resolveSettings(settings: ApiSettings): ResolvedSettings {
  const tenant = defaultLimits.tenantLimit;
  return {
    cloud: cloudFrom(settings),
    corsOrigins: list(settings.CORS_ORIGINS),
    apiKeys: parseApiKeys(settings.API_KEYS),
    trustedProxies: list(settings.TRUSTED_PROXIES),
    tenantLimit: {
      capacity: positive(settings.TENANT_RATE_LIMIT_CAPACITY, tenant.capacity),
      refillPerSecond: positive(settings.TENANT_RATE_LIMIT_REFILL_PER_SECOND, tenant.refillPerSecond),
      maxConcurrentVerify: Math.max(
        1,
        Math.floor(positive(settings.TENANT_MAX_CONCURRENT_VERIFY, tenant.maxConcurrentVerify)),
      ),
    },
    rateLimit: {
      capacity: positive(settings.RATE_LIMIT_CAPACITY, defaultLimits.rateLimit.capacity),
      refillPerSecond: positive(
        settings.RATE_LIMIT_REFILL_PER_SECOND,
        defaultLimits.rateLimit.refillPerSecond,
      ),
    },
    bodyLimitBytes: positive(settings.BODY_LIMIT_BYTES, defaultLimits.bodyLimitBytes),
    timeouts: {
      outboundMs: positive(settings.OUTBOUND_TIMEOUT_MS, defaultLimits.timeouts.outboundMs),
      verifyDeadlineMs: positive(settings.VERIFY_DEADLINE_MS, defaultLimits.timeouts.verifyDeadlineMs),
      credentialGraceMs: nonNegative(settings.CREDENTIAL_GRACE_MS, defaultLimits.timeouts.credentialGraceMs),
      retryBudgetMs: positive(settings.RETRY_BUDGET_MS, defaultLimits.timeouts.retryBudgetMs),
    },
  };
}
