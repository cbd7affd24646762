/** Opens a URL in the user's browser ($BROWSER, else the platform's opener); never throws. */
import { spawn } from "node:child_process";

export function openerFor(
  platform: string,
  env: Readonly<Record<string, string | undefined>>,
): [string, string[]] {
  if (env.BROWSER) return [env.BROWSER, []];
  if (platform === "darwin") return ["open", []];
  if (platform === "win32") return ["cmd", ["/c", "start", '""']];
  return ["xdg-open", []];
}

export async function openBrowser(
  url: string,
  env: Readonly<Record<string, string | undefined>>,
): Promise<boolean> {
  const [command, args] = openerFor(process.platform, env);
  return new Promise((resolve) => {
    try {
      const child = spawn(command, [...args, url], { stdio: "ignore", detached: true });
      child.on("error", () => resolve(false));
      child.on("spawn", () => {
        child.unref();
        resolve(true);
      });
    } catch {
      resolve(false);
    }
  });
}
