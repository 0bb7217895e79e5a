import { useDatasets } from '../../state/datasets';

/** A specific, dismissible message for anything the user did that could not be done. */
export function ProblemBanner() {
  const problem = useDatasets((s) => s.problem);
  const dismiss = useDatasets((s) => s.dismissProblem);
  if (!problem) return null;
  return (
    <div role="alert" className="banner banner-error">
      <div>
        <strong>{problem.title}</strong>
        <div>{problem.message}</div>
      </div>
      <button className="ghost" onClick={dismiss} aria-label="Dismiss message">
        ✕
      </button>
    </div>
  );
}
