/** The wizard's first question: which Boxafe takes the values (core decides what each one gets). */
import type { BoxafeVersion } from "@boxafe-connect/core";
import {
  boxafeCredentials,
  DEFAULT_BOXAFE_VERSION,
  DEFAULT_BOXAFE_VERSION_REASON,
} from "@boxafe-connect/core";
import { unwrap } from "../wizard/prompts.js";
import type { Ui } from "./ui.js";

export async function askBoxafeVersion(ui: Ui): Promise<BoxafeVersion> {
  const version = await unwrap(
    await ui.select<BoxafeVersion>({
      message: "Which Boxafe will take these values?",
      initialValue: DEFAULT_BOXAFE_VERSION,
      options: [
        { value: "1.5", label: "Boxafe 1.5 or later", hint: "tenant ID, client ID and a certificate" },
        { value: "1.4", label: "Boxafe 1.4", hint: "client ID, tenant ID and a client secret" },
      ],
    }),
  );
  ui.log.info(`${boxafeCredentials(version).summary}\n${DEFAULT_BOXAFE_VERSION_REASON}`);
  return version;
}
