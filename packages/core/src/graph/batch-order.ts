/**
 * How independent and dependent requests are split into JSON $batch calls. Graph runs a batch's
 * sub-requests in no particular order; only `dependsOn` orders them, and only inside one $batch, where a
 * request whose dependency failed answers 424 without running (learn.microsoft.com/graph/json-batching).
 * At most 20 sub-requests per $batch (MAX_BATCH_SIZE, Graph's limit).
 */
import type { RunRequest } from "./batch-runner.js";
import { type GraphRequest, MAX_BATCH_SIZE } from "./port.js";

export function chunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/**
 * Strips our traits so only Graph's own fields go on the wire. `dependsOn` keeps only ids sent in the
 * same $batch: a dependency answered in an earlier attempt has run, and Graph refuses an unknown id.
 */
export function wire(request: RunRequest, sent: ReadonlySet<string>): GraphRequest {
  const { id, method, url, headers, body } = request;
  const dependsOn = request.dependsOn?.filter((d) => sent.has(d)) ?? [];
  return {
    id,
    method,
    url,
    ...(headers === undefined ? {} : { headers }),
    ...(body === undefined ? {} : { body }),
    ...(dependsOn.length === 0 ? {} : { dependsOn }),
  };
}

/**
 * Chunks of at most 20 where a request travels with what it depends on (its dependencies go first):
 * Graph orders sub-requests only by `dependsOn` inside one $batch (learn.microsoft.com/graph/json-batching).
 */
export function chunksOf(requests: readonly RunRequest[]): RunRequest[][] {
  if (!requests.some((r) => (r.dependsOn?.length ?? 0) > 0)) return chunk(requests, MAX_BATCH_SIZE);
  // A request joins the group of its first dependency; a group is small (a write and what needs it).
  const groups: RunRequest[][] = [];
  const groupOf = new Map<string, RunRequest[]>();
  for (const request of requests) {
    const group = (request.dependsOn ?? []).map((d) => groupOf.get(d)).find((g) => g !== undefined);
    const target = group ?? [];
    if (group === undefined) groups.push(target);
    target.push(request);
    groupOf.set(request.id, target);
  }
  // Groups are packed whole into $batch calls of at most 20, so the number of calls stays the minimum.
  const out: RunRequest[][] = [];
  for (const group of groups) {
    const last = out.at(-1);
    if (last !== undefined && last.length + group.length <= MAX_BATCH_SIZE) last.push(...group);
    else out.push(...chunk(group, MAX_BATCH_SIZE));
  }
  return out;
}
