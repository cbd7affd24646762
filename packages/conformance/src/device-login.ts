/**
 * Completes a device-code sign-in the way a person does: reads the code from the client's prompt,
 * opens the verification page it names and submits the code as the chosen user (the sandbox's
 * /devicelogin form, packages/sandbox/src/entra/device.ts).
 */

const PROMPT = /open the page (\S+) and enter the code ([A-Z0-9]+)/;

export interface DevicePrompt {
  readonly verificationUri: string;
  readonly userCode: string;
}

/** The first device-code prompt in a client's output, if it has printed one yet. */
export function devicePrompt(output: string): DevicePrompt | undefined {
  const match = PROMPT.exec(output);
  if (!match?.[1] || !match[2]) return undefined;
  return { verificationUri: match[1], userCode: match[2] };
}

export async function enterDeviceCode(prompt: DevicePrompt, upn: string): Promise<void> {
  const page = await fetch(prompt.verificationUri);
  if (page.status !== 200) throw new Error(`device login page: HTTP ${page.status}`);
  const res = await fetch(prompt.verificationUri, {
    method: "POST",
    body: new URLSearchParams({ user_code: prompt.userCode, upn }),
  });
  if (res.status !== 200) throw new Error(`device login as ${upn}: HTTP ${res.status} ${await res.text()}`);
}
