/**
 * The client address behind trusted reverse proxies. X-Forwarded-For is believed only when the
 * socket peer is one of TRUSTED_PROXIES; then the list is read right to left (each proxy appends
 * the address it saw) and the first address that is not itself a trusted proxy is the client.
 * Anything to its left was written by the client and could be anything.
 */
const ADDRESS = /^[0-9A-Fa-f:.]{2,45}$/;

function normalize(address: string): string {
  const trimmed = address.trim();
  return trimmed.startsWith("::ffff:") && trimmed.includes(".") ? trimmed.slice(7) : trimmed;
}

export function forwardedClient(
  peer: string | undefined,
  forwardedFor: string | undefined,
  trustedProxies: readonly string[],
): string | undefined {
  if (peer === undefined) return undefined;
  const socket = normalize(peer);
  const trusted = new Set(trustedProxies.map(normalize));
  if (!trusted.has(socket) || forwardedFor === undefined) return socket;
  const hops = forwardedFor.split(",").map(normalize).reverse();
  for (const hop of hops) {
    if (!ADDRESS.test(hop)) return socket;
    if (!trusted.has(hop)) return hop;
  }
  return socket;
}
