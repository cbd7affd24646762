/** The client secret comes from BOXAFE_CLIENT_SECRET or stdin (--client-secret-stdin), never argv. */
import { UsageError } from "../cli/usage-error.js";

export async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === "string" ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks).toString("utf8");
}

export async function readClientSecret(input: {
  readonly fromStdin: boolean;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly stdin: NodeJS.ReadableStream;
  readonly command: string;
}): Promise<string> {
  if (input.fromStdin) {
    const secret = (await readAll(input.stdin)).trim();
    if (secret === "")
      throw new UsageError("--client-secret-stdin was given but stdin was empty.", input.command);
    return secret;
  }
  const fromEnv = input.env.BOXAFE_CLIENT_SECRET?.trim();
  if (fromEnv) return fromEnv;
  throw new UsageError(
    "No client secret: set BOXAFE_CLIENT_SECRET, pipe it with --client-secret-stdin, or use --certificate-file.",
    input.command,
  );
}
