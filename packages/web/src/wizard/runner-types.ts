import type { Drift } from "../check/check-repair.js";
import type { HandOverValues } from "../components/hand-over-card.js";
import type { RoleView } from "../steps/check-role.js";
import type { AppChoice } from "../steps/choose-app.js";
import type { TokenRow, VerifyRow } from "../steps/verify.js";

export type { Drift };

export interface VerifyData {
  readonly complete: boolean;
  readonly rows: readonly VerifyRow[];
  readonly tokens: readonly TokenRow[];
}

/** What the page can ask of the signed-in half; the real one is ./runner.ts, loaded on demand. */
export interface Runner {
  readonly signedIn: { readonly username: string } | undefined;
  signIn(loginHint?: string): Promise<void>;
  signOut(): Promise<void>;
  role(): Promise<RoleView>;
  review(choice: AppChoice): Promise<Drift>;
  /** Applies the reviewed plan; `onWave(n)` as the executor's three waves progress (0-3). */
  apply(onWave: (done: number) => void): Promise<HandOverValues>;
  verify(onAttempt: (n: number) => void): Promise<VerifyData>;
  check(appId: string): Promise<Drift>;
  repair(): Promise<HandOverValues>;
}
