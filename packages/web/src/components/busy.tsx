/** A status line with a spinner; its height is reserved so nothing moves when it clears. */
export function Busy(props: { readonly text: string | undefined }) {
  return (
    <p class="status-line" role="status">
      {props.text ? (
        <>
          <span class="spinner" aria-hidden="true" /> {props.text}
        </>
      ) : null}
    </p>
  );
}
