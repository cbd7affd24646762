/** Whole days in an ISO-8601 duration (P90D, P1Y, P2W, PT36H); years count 365 days, months 30. */
export function durationDays(iso: string): number | undefined {
  const m =
    /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/.exec(
      iso.trim(),
    );
  if (!m || iso.trim() === "P" || iso.trim().endsWith("T")) return undefined;
  const n = (i: number) => Number(m[i] ?? 0);
  const hours = n(5) + n(6) / 60 + n(7) / 3600;
  return Math.floor(n(1) * 365 + n(2) * 30 + n(3) * 7 + n(4) + hours / 24);
}
