/** Runs `work` over items with at most `limit` in flight; one item's failure never stops the others. */
export async function forEachBounded<T>(
  items: readonly T[],
  limit: number,
  work: (item: T, index: number) => Promise<void>,
): Promise<void> {
  const width = Math.max(1, Math.min(Math.floor(limit), items.length));
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < items.length) {
      const index = next;
      next += 1;
      const item = items[index] as T;
      try {
        await work(item, index);
      } catch {
        // `work` reports its own failures; a throw here must not end the lane (other tenants wait on it).
      }
    }
  };
  await Promise.all(Array.from({ length: width }, lane));
}
