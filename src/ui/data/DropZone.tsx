import { useState, type ReactNode } from 'react';
import { useDatasets } from '../../state/datasets';

/** The whole page accepts a dropped file; an overlay says so while dragging. */
export function DropZone({ children }: { children: ReactNode }) {
  const [dragging, setDragging] = useState(false);
  const loadFile = useDatasets((s) => s.loadFile);
  return (
    <div
      className="dropzone"
      onDragOver={(e) => {
        if (e.dataTransfer.types.includes('Files')) {
          e.preventDefault();
          setDragging(true);
        }
      }}
      onDragLeave={(e) => {
        if (e.currentTarget === e.target) setDragging(false);
      }}
      onDrop={(e) => {
        e.preventDefault();
        setDragging(false);
        const file = e.dataTransfer.files[0];
        if (file) void loadFile(file);
      }}
    >
      {children}
      {dragging ? (
        <div className="drop-overlay" aria-hidden="true">
          Drop to load it here, on this device
        </div>
      ) : null}
    </div>
  );
}
