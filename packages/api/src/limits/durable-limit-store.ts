/**
 * LimitStore over the LimitCounter Durable Object namespace (binding `LIMITS` in wrangler.toml).
 * A store failure fails closed: the request is refused with a typed error rather than let through
 * uncounted.
 */
import { CoreError } from "@boxafe-connect/core";
import type { LeaseDecision, LimitDecision } from "./counter.js";
import type { LimitOp } from "./limit-counter-object.js";
import type { LimitStore } from "./limit-store.js";

/** The two methods of a DurableObjectNamespace this store uses (no workers-types dependency). */
export interface DurableObjectNamespaceLike {
  idFromName(name: string): unknown;
  get(id: never): { fetch(input: string, init?: RequestInit): Promise<Response> };
}

export function createDurableLimitStore(namespace: DurableObjectNamespaceLike): LimitStore {
  const call = async <T>(key: string, op: LimitOp): Promise<T> => {
    const stub = namespace.get(namespace.idFromName(key) as never);
    let res: Response;
    try {
      res = await stub.fetch("https://limits.internal/", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(op),
      });
    } catch {
      throw new CoreError("unreachable", "The rate limit counter could not be reached. Try again shortly.");
    }
    if (!res.ok) throw new CoreError("internal_error", "The rate limit counter refused an operation.");
    return (await res.json()) as T;
  };
  return {
    take: (key, rule) => call<LimitDecision>(key, { op: "take", rule }),
    acquire: (key, rule) => call<LeaseDecision>(key, { op: "acquire", rule }),
    release: async (key, lease) => {
      await call<unknown>(key, { op: "release", lease });
    },
  };
}
