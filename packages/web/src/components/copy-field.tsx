import { createSignal, Show } from "solid-js";

export type CopyFn = (text: string) => Promise<void>;

/** The browser clipboard; adapters and tests may pass their own. */
export const clipboardCopy: CopyFn = (text) => navigator.clipboard.writeText(text);

/**
 * One value for Boxafe's "Add new Domain" window with a copy button. The status next to the button
 * is a polite live region, so "Copied" is announced.
 */
export function CopyField(props: {
  readonly label: string;
  readonly value: string;
  readonly testId: string;
  readonly copy?: CopyFn;
}) {
  const [status, setStatus] = createSignal("");
  const onCopy = async () => {
    try {
      await (props.copy ?? clipboardCopy)(props.value);
      setStatus("Copied");
    } catch {
      setStatus("Copy failed: select the text and copy it by hand");
    }
  };
  return (
    <div class="value">
      <dt id={`${props.testId}-label`}>{props.label}</dt>
      <dd>
        <output data-testid={props.testId} aria-labelledby={`${props.testId}-label`}>
          {props.value}
        </output>
        <button type="button" onClick={onCopy} aria-label={`Copy ${props.label}`}>
          Copy
        </button>
        <span class="copied" aria-live="polite">
          <Show when={status()}>{status()}</Show>
        </span>
      </dd>
    </div>
  );
}
