/** The project file: export everything as one encrypted .loupe file, or import one (replacing what is open). */
import { useRef, useState } from 'react';
import { useWorkspace } from '../../state/workspace';
import { JobProgress } from '../layout/JobProgress';

export function ProjectSection() {
  const state = useWorkspace((s) => s.state);
  const job = useWorkspace((s) => s.job);
  const notice = useWorkspace((s) => s.notice);
  const exportProject = useWorkspace((s) => s.exportProject);
  const importProject = useWorkspace((s) => s.importProject);
  const cancel = useWorkspace((s) => s.cancelJob);
  const [exportPass, setExportPass] = useState('');
  const [importPass, setImportPass] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  if (!state || state.status === 'locked') return null;
  const shown = notice && (notice.about === 'export' || notice.about === 'import') ? notice : null;
  return (
    <section className="workspace-section" aria-labelledby="project-title">
      <h3 id="project-title">Project file</h3>
      <p className="small muted">One .loupe file with every dataset (its values), run, model, recipe draft and the audit log, encrypted with a passphrase you choose for it. Keep it, or open it in Loupe on another device.</p>
      {job ? (
        <JobProgress title={job.kind === 'export' ? 'Exporting the project' : 'Importing the project'} label={job.kind === 'export' ? 'Export progress' : 'Import progress'} value={job.fraction} message={job.message} startedAt={job.startedAt} onCancel={() => void cancel()} />
      ) : null}
      <form
        className="form-rows"
        onSubmit={(e) => {
          e.preventDefault();
          void exportProject(exportPass).then(() => setExportPass(''));
        }}
      >
        <label>
          Export passphrase
          <input type="password" autoComplete="new-password" value={exportPass} onChange={(e) => setExportPass(e.target.value)} aria-invalid={exportPass.length > 0 && exportPass.length < 8} />
        </label>
        {exportPass.length > 0 && exportPass.length < 8 ? <span className="error small">Use at least 8 characters.</span> : null}
        <div>
          <button className="button small" type="submit" disabled={!!job || exportPass.length < 8}>
            Export project
          </button>
        </div>
      </form>
      <form
        className="form-rows"
        onSubmit={(e) => {
          e.preventDefault();
          if (file) void importProject(file, importPass).then(() => setImportPass(''));
        }}
      >
        <label>
          Project file to import
          <input ref={fileInput} type="file" accept=".loupe" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
        </label>
        <label>
          Its passphrase
          <input type="password" autoComplete="off" value={importPass} onChange={(e) => setImportPass(e.target.value)} />
        </label>
        <div className="row-gap">
          <button className="button small" type="submit" disabled={!!job || !file || importPass.length === 0}>
            Import project
          </button>
          <span className="small muted">Importing closes what is open now and opens the project instead.</span>
        </div>
      </form>
      {shown ? (
        <p role={shown.tone === 'error' ? 'alert' : 'status'} className={`small ${shown.tone === 'error' ? 'error' : 'ok-text'}`}>
          {shown.text}
        </p>
      ) : null}
    </section>
  );
}
