import type { Signer } from "./entra/signer.js";
import type { ExchangeOrg } from "./exchange/org-config.js";
import type { FaultInjector } from "./faults.js";
import type { Stats } from "./stats.js";
import type { Directory } from "./store/directory.js";
import type { User } from "./store/types.js";

export interface DeviceSession {
  deviceCode: string;
  userCode: string;
  clientId: string;
  scope: string;
  expiresAt: number;
  userId?: string;
  declined?: boolean;
}

export interface AuthCode {
  clientId: string;
  redirectUri: string;
  scope: string;
  userId: string;
  challenge: string | null;
  method: string | null;
  expiresAt: number;
  used: boolean;
  /** The authorize request's nonce, echoed in the id_token (msal-browser checks it). */
  nonce?: string;
}

export interface RefreshSession {
  clientId: string;
  userId: string;
  scope: string;
  /** The tenant the user belongs to (their home), where the token was first issued. */
  homeTenantId?: string;
}

/**
 * How a user of another tenant on the same host (a partner's admin) acts in this tenant: only through an
 * active delegated admin relationship (GDAP), with the relationship's roles as the token's `wids`.
 */
export interface ForeignAccess {
  /** The partner user as this tenant sees them, or the OAuthError Entra sends (AADSTS50020) when no relationship holds. */
  signIn(homeTenantId: string, userId: string): User;
  /** The partner user behind a token this tenant issued (Graph reads roles from the token's `wids`). */
  user(userId: string, wids: readonly string[]): User | undefined;
}

/** Short-lived sign-in state; not part of the directory and not persisted. */
export class Sessions {
  devices = new Map<string, DeviceSession>();
  codes = new Map<string, AuthCode>();
  refresh = new Map<string, RefreshSession>();

  clear(): void {
    this.devices.clear();
    this.codes.clear();
    this.refresh.clear();
  }
}

export interface SandboxContext {
  dir: Directory;
  /** Set by a multi-tenant host (fleet/host.ts): partner admins reaching this tenant through GDAP. */
  foreign?: ForeignAccess;
  signer: Signer;
  faults: FaultInjector;
  stats: Stats;
  sessions: Sessions;
  /** https://localhost:PORT, known once the server listens. */
  origin: string;
  autoApprove: boolean;
  /** Exchange Online organization config (EWS access policy) and its propagation delay. */
  exchange: ExchangeOrg;
  /** Appended to a shared log when set (for --verbose); never receives secrets. */
  log?: (line: string) => void;
}
