/** removePassword for several secrets of one app in one batch; an already-gone secret is success. */
import { type GraphDeps, type RetryBudget, runRequests } from "../graph/batch-runner.js";

export async function removePasswords(
  deps: GraphDeps,
  appObjectId: string,
  keyIds: readonly string[],
  budget: RetryBudget,
): Promise<void> {
  if (keyIds.length === 0) return;
  await runRequests(
    deps,
    keyIds.map((keyId, i) => ({
      id: `remove-${i}`,
      method: "POST" as const,
      url: `/applications/${appObjectId}/removePassword`,
      body: { keyId },
      absentOk: true,
    })),
    budget,
  );
}
