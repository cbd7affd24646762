/** Reads and validates a profile file; bad files throw invalid_profile naming the field. */
import type { Profile } from "@boxafe-connect/core";
import { CoreError, ErrorCode, formatProfileIssues, parseProfileJson } from "@boxafe-connect/core";

export async function loadProfile(
  path: string,
  readFile: (path: string) => Promise<string>,
): Promise<Profile> {
  let text: string;
  try {
    text = await readFile(path);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new CoreError(
      ErrorCode.InvalidInput,
      `Cannot read the profile file ${path} (${reason}). Check the path.`,
      {
        field: "profile",
        cause: error,
      },
    );
  }
  const parsed = parseProfileJson(text);
  if (!parsed.ok) {
    throw new CoreError(
      ErrorCode.InvalidProfile,
      `The profile file ${path} is not valid; fix these fields:\n${formatProfileIssues(parsed.issues)}`,
      { field: parsed.issues[0]?.field ?? "profile" },
    );
  }
  return parsed.profile;
}
