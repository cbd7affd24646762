/**
 * Sandbox only: plays the person at the sign-in page. Device codes are approved through the
 * sandbox's /devicelogin form; browser sign-in picks the user on the authorize page. Never used
 * against a real tenant.
 */

export async function approveSandboxDeviceCode(origin: string, userCode: string, upn: string): Promise<void> {
  const response = await fetch(new URL("/devicelogin", origin), {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ user_code: userCode, upn }).toString(),
  });
  if (!response.ok) throw new Error(`The sandbox refused the sign-in as ${upn} (HTTP ${response.status}).`);
}

/** Follows the authorize URL as `upn` and delivers the redirect to the loopback listener. */
export async function completeSandboxAuthorize(authorizeUrl: string, upn: string): Promise<void> {
  const url = new URL(authorizeUrl);
  url.searchParams.set("sandbox_user", upn);
  const answer = await fetch(url, { redirect: "manual" });
  const location = answer.headers.get("location");
  if (!location) throw new Error(`The sandbox did not sign in ${upn} (HTTP ${answer.status}).`);
  await fetch(location);
}
