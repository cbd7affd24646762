/** Hands the timing faults (replication, credential and role propagation) to the directory that models them. */
import type { FaultInjector } from "./faults.js";
import type { Directory } from "./store/directory.js";

export function wireTiming(dir: Directory, faults: FaultInjector): void {
  dir.lagMs = faults.spec.lag;
  dir.credentialLagMs = faults.spec.credentialLag;
  dir.roleLagMs = faults.spec.roleLag;
  dir.staleRead = () => faults.staleRead();
}
