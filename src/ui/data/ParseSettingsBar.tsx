import type { DatasetProfile } from '../../engine/api';
import { useDatasets } from '../../state/datasets';

const FORMAT_WORDS: Record<DatasetProfile['settings']['format'], string> = { delimited: 'delimited text', json: 'JSON', jsonl: 'JSON Lines', parquet: 'Parquet', xlsx: 'an Excel workbook' };

const DELIMITERS: { value: string; label: string }[] = [
  { value: ',', label: 'comma (,)' },
  { value: '\t', label: 'tab' },
  { value: ';', label: 'semicolon (;)' },
  { value: '|', label: 'pipe (|)' },
];

/** How the file was read, with every choice overridable (the file is re-read in the worker). */
export function ParseSettingsBar({ profile }: { profile: DatasetProfile }) {
  const reparse = useDatasets((s) => s.reparse);
  const busy = useDatasets((s) => s.job !== null);
  const pending = useDatasets((s) => s.pendingSettings);
  const settings = { ...profile.settings, ...pending };
  return (
    <div className="parse-settings" role="group" aria-label="How the file was read">
      <span className="muted small">Read as {FORMAT_WORDS[settings.format]}</span>
      {settings.format === 'xlsx' && (settings.sheets?.length ?? 0) > 1 ? (
        <label>
          Sheet{' '}
          <select value={settings.sheet} disabled={busy} onChange={(e) => void reparse({ sheet: e.target.value })}>
            {settings.sheets!.map((name) => (
              <option key={name} value={name}>{name}</option>
            ))}
          </select>
        </label>
      ) : null}
      {settings.format === 'delimited' ? (
        <>
          <label>
            Delimiter{' '}
            <select value={settings.delimiter} disabled={busy} onChange={(e) => void reparse({ delimiter: e.target.value })}>
              {DELIMITERS.some((d) => d.value === settings.delimiter) ? null : <option value={settings.delimiter}>{JSON.stringify(settings.delimiter)}</option>}
              {DELIMITERS.map((d) => (
                <option key={d.value} value={d.value}>
                  {d.label}
                </option>
              ))}
            </select>
          </label>
          <label>
            <input type="checkbox" checked={settings.hasHeader} disabled={busy} onChange={(e) => void reparse({ hasHeader: e.target.checked })} /> First row is a header
          </label>
        </>
      ) : null}
      {settings.format === 'parquet' || settings.format === 'xlsx' ? null : (
      <label>
        Text encoding{' '}
        <select value={settings.encoding} disabled={busy} onChange={(e) => void reparse({ encoding: e.target.value as 'utf-8' | 'windows-1252' })}>
          <option value="utf-8">UTF-8</option>
          <option value="windows-1252">Windows-1252 / Latin-1</option>
        </select>
      </label>
      )}
    </div>
  );
}
