import { onMount } from "solid-js";

/**
 * The heading of a step. Focus moves to it when the step appears, so keyboard and screen-reader
 * users land on the new step instead of at the top of the page.
 */
export function StepHeading(props: { readonly children: string; readonly id?: string }) {
  let el: HTMLHeadingElement | undefined;
  onMount(() => el?.focus());
  return (
    <h2 ref={el} tabindex="-1" id={props.id ?? "step-heading"}>
      {props.children}
    </h2>
  );
}
