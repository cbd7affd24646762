import { describe, expect, it } from "vitest";
import { globalOptions } from "./options.js";
import { parseArgs } from "./parse-args.js";
import { secretArgumentMessage } from "./secret-guard.js";
import { commands } from "./specs/index.js";

const parse = (...argv: string[]) => parseArgs(argv, globalOptions, commands);

describe("parseArgs", () => {
  it("finds one- and two-word commands with options before or after them", () => {
    expect(parse("--json", "setup", "--yes").command?.name).toBe("setup");
    const rotate = parse("secret", "rotate", "--app-id", "abc", "--secret-days=365");
    expect(rotate.command?.name).toBe("secret rotate");
    expect(rotate.values).toMatchObject({ "app-id": "abc", "secret-days": "365" });
  });

  it("takes --sandbox alone or with a URL", () => {
    expect(parse("plan", "--sandbox").values.sandbox).toBe(true);
    expect(parse("plan", "--sandbox", "https://localhost:9443").values.sandbox).toBe(
      "https://localhost:9443",
    );
    expect(parse("--sandbox", "plan").command?.name).toBe("plan");
  });

  it("collects repeated options marked multiple", () => {
    const parsed = parse(
      "web-app",
      "register",
      "--redirect-uri",
      "https://a/",
      "--redirect-uri",
      "https://b/",
    );
    expect(parsed.values["redirect-uri"]).toEqual(["https://a/", "https://b/"]);
  });

  it("treats -h as --help and allows no command", () => {
    expect(parse("-h")).toMatchObject({ command: undefined, values: { help: true } });
    expect(parse().command).toBeUndefined();
  });

  it("names the flag in usage errors", () => {
    expect(() => parse("setup", "--frobnicate")).toThrow("Unknown option --frobnicate.");
    expect(() => parse("plan", "--yes")).toThrow("--yes does not apply to 'plan'.");
    expect(() => parse("setup", "--app-name")).toThrow("--app-name needs a value (NAME).");
    expect(() => parse("setup", "--json=1")).toThrow("--json takes no value.");
    expect(() => parse("frob")).toThrow("Unknown command 'frob'.");
    expect(() => parse("secret")).toThrow(
      "'secret' needs a subcommand: secret rotate, secret retire, secret list.",
    );
    expect(() => parse("check", "extra")).toThrow("Unexpected argument 'extra'.");
  });

  it("refuses secrets as arguments without echoing them", () => {
    const secret = "abc8Q~Zx9_yW.vU-tS~rQpOnMlKjIhGfEdCbA0123";
    expect(() => parse("verify", "--client-secret", "x")).toThrow(secretArgumentMessage);
    expect(() => parse("verify", `--client-secret=${secret}`)).toThrow(secretArgumentMessage);
    expect(() => parse("verify", "--app-name", secret)).toThrow(secretArgumentMessage);
    expect(() => parse("verify", "--tenant", "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.sig")).toThrow(
      secretArgumentMessage,
    );
    try {
      parse("verify", secret);
    } catch (error) {
      expect(String(error)).not.toContain(secret);
    }
  });
});
