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

/** Undoes the sandbox's `esc` (html.ts): numeric character references only. */
function unescapeHtml(text: string): string {
  return text.replace(/&#(\d+);/g, (_, n: string) => String.fromCharCode(Number(n)));
}

/** The `name`/`value` pairs of a form's hidden inputs (the sandbox's form_post page, html.ts). */
function hiddenFields(html: string): URLSearchParams {
  const fields = new URLSearchParams();
  for (const match of html.matchAll(/<input type="hidden" name="([^"]*)" value="([^"]*)">/g)) {
    fields.append(unescapeHtml(match[1] ?? ""), unescapeHtml(match[2] ?? ""));
  }
  return fields;
}

/**
 * Follows the authorize URL as `upn` and does what the browser would with the answer: msal-node
 * asks for response_mode=form_post, so the sandbox answers with a self-posting form, whose fields
 * we post to the loopback redirect URI (a redirect, for other response modes, is followed).
 */
export async function completeSandboxAuthorize(authorizeUrl: string, upn: string): Promise<void> {
  const url = new URL(authorizeUrl);
  url.searchParams.set("sandbox_user", upn);
  const answer = await fetch(url, { redirect: "manual" });
  const location = answer.headers.get("location");
  if (location) {
    await fetch(location);
    return;
  }
  const html = answer.status === 200 ? await answer.text() : "";
  const fields = hiddenFields(html);
  const action = /<form method="post" action="([^"]*)">/.exec(html)?.[1];
  const redirectUri = action === undefined ? undefined : unescapeHtml(action);
  if (!redirectUri || (!fields.has("code") && !fields.has("error"))) {
    throw new Error(`The sandbox did not sign in ${upn} (HTTP ${answer.status}).`);
  }
  await fetch(redirectUri, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: fields.toString(),
  });
}
