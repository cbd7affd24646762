/** The clack module as the wizard uses it (loaded lazily by setup-wizard.ts). */
export type Ui = typeof import("@clack/prompts");
