import type { CopyFn } from "../components/copy-field.js";
import type { HandOverValues } from "../components/hand-over-card.js";
import { HandOverCard } from "../components/hand-over-card.js";
import { StepHeading } from "../components/step-heading.js";

/** Guide step 16: the three values for Boxafe's "Add new Domain" window. */
export function HandOverStep(props: {
  readonly values: HandOverValues;
  readonly copy?: CopyFn;
  readonly onSharePoint: () => void;
  readonly onCheck: () => void;
}) {
  return (
    <section class="card" aria-labelledby="step-heading">
      <StepHeading>Add the domain in Boxafe</StepHeading>
      <p class="lead">
        In Boxafe, open Add new Domain and paste these values. The app is set up and verified.
      </p>
      <HandOverCard values={props.values} copy={props.copy} />
      <div class="actions">
        <button type="button" onClick={() => props.onSharePoint()}>
          SharePoint (optional)
        </button>
        <button type="button" onClick={() => props.onCheck()}>
          Check or repair an app
        </button>
      </div>
    </section>
  );
}
