/** Option and command shapes shared by the parser, the help renderer and the command table. */

export interface OptionSpec {
  /** Long name without the dashes, e.g. "app-id". */
  readonly name: string;
  /** "optional" takes a value only when the next word looks like one (see `acceptsValue`). */
  readonly kind: "boolean" | "string" | "optional";
  readonly short?: string;
  readonly multiple?: boolean;
  /** Placeholder shown in help, e.g. "GUID|DOMAIN". */
  readonly value?: string;
  readonly description: string;
  /** For kind "optional": whether a following word is this option's value. */
  readonly acceptsValue?: (word: string) => boolean;
}

export interface OptionGroup {
  readonly title: string;
  readonly options: readonly OptionSpec[];
}

export type OptionValue = string | boolean | readonly string[];
export type OptionValues = Readonly<Record<string, OptionValue | undefined>>;

export interface CommandSpec {
  /** One or two words, e.g. "setup", "secret rotate". */
  readonly name: string;
  readonly summary: string;
  readonly description: string;
  readonly groups: readonly OptionGroup[];
  readonly examples: readonly string[];
}
