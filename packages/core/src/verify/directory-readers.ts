/** Whether an app token may read the app's own role assignments and grants back through Graph. */

/** App roles (Microsoft Graph) that let an app token read its own assignments and grants. */
export const DIRECTORY_READER_ROLES = [
  "Directory.ReadWrite.All",
  "Directory.Read.All",
  "Application.Read.All",
  "Application.ReadWrite.All",
] as const;

/** True when the token's `roles` claim holds one of DIRECTORY_READER_ROLES; false for no claim. */
export function canReadDirectory(roles: unknown): boolean {
  return (
    Array.isArray(roles) &&
    roles.some((r) => (DIRECTORY_READER_ROLES as readonly string[]).includes(String(r)))
  );
}
