/** What the wizard's terminal tests share: their tmux sessions, and the prompts up to the review. */
import type { TestEnv } from "./harness.js";
import type { Terminal } from "./tmux.js";
import { startInTerminal, stopTerminals } from "./tmux.js";

/** The choose-app prompts of a new app, in order (each answered with its default). */
export const CHOOSE_APP_PROMPTS = [
  "Which app should Boxafe use?",
  "Client secret description",
  "Client secret lifetime",
  "App name",
] as const;

/** Takes the default at every choose-app prompt; the review comes next. */
export async function acceptChooseApp(term: Terminal): Promise<void> {
  for (const prompt of CHOOSE_APP_PROMPTS) {
    await term.waitFor(prompt);
    term.keys("Enter");
  }
}

/** Opens named terminals in the test's folder with its environment; closeAll ends them and the private tmux server. */
export function wizardTerminals(env: () => TestEnv) {
  const opened: Terminal[] = [];
  return {
    /** `cwd`: where the command runs (default the test's folder, where its script is written). */
    async open(name: string, args: string[], cwd?: string): Promise<Terminal> {
      const t = env();
      const term = await startInTerminal(`bc-${name}-${process.pid}`, t.dir, t.env, args, cwd);
      opened.push(term);
      return term;
    },
    closeAll(): void {
      for (const term of opened) term.kill();
      stopTerminals();
    },
  };
}
