/** Asked when a file's name is already loaded, instead of silently adding a second "ratings.csv". */
import { useEffect, useRef } from 'react';
import { useDatasets } from '../../state/datasets';
import { keepBothName } from '../../state/sameNameFile';

export function SameNameChoice() {
  const pending = useDatasets((s) => s.sameName);
  const names = useDatasets((s) => s.order.map((id) => s.byId[id].name).join('\n'));
  const choose = useDatasets((s) => s.chooseSameName);
  const first = useRef<HTMLButtonElement>(null);
  // The question takes focus, so a keyboard user answers it before anything else.
  useEffect(() => first.current?.focus(), [pending]);
  if (!pending) return null;
  const name = pending.file.name;
  return (
    <div role="alertdialog" aria-labelledby="same-name-title" aria-describedby="same-name-text" className="banner banner-warn same-name">
      <div>
        <strong id="same-name-title">"{name}" is already loaded</strong>
        <p id="same-name-text" className="small">Replace the loaded dataset with this file, or keep both (the new one as "{keepBothName(name, names.split('\n'))}").</p>
        <div className="row-gap">
          <button ref={first} className="button small" onClick={() => void choose('replace')}>
            Replace
          </button>
          <button className="button small" onClick={() => void choose('keep-both')}>
            Keep both
          </button>
          <button className="ghost small" onClick={() => void choose('cancel')}>
            Don't load
          </button>
        </div>
      </div>
    </div>
  );
}
