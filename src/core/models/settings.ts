/**
 * A kind's settings schema: names, ranges and how the Train form and the search panel show them.
 * The same schema checks a spec wherever one arrives (the form, a share link, a search candidate,
 * a saved model), so a range is written once.
 */

/** A setting's value: a number, a name (activation, optimizer) or a list (hidden-layer sizes). */
export type SettingValue = number | string | number[];

interface FieldBase {
  key: string;
  /** As the form labels it: "Learning rate". */
  label: string;
  /** A hint under the field. */
  help?: string;
  /** Offered in the search panel's grid. */
  search?: boolean;
}

export type SettingField =
  | (FieldBase & { type: 'number'; min?: number; max?: number; minExclusive?: boolean; maxExclusive?: boolean; step?: number })
  | (FieldBase & { type: 'integer'; min?: number; max?: number })
  | (FieldBase & { type: 'choice'; options: { value: string; label: string }[] })
  /** A list of whole numbers of at least 1, typed "64, 32". */
  | (FieldBase & { type: 'layers' });

function rangeWords(min: number | undefined, max: number | undefined, minExclusive?: boolean, maxExclusive?: boolean): string {
  const low = min === undefined ? '' : minExclusive ? (min === 0 ? 'positive' : `above ${min}`) : `at least ${min}`;
  const high = max === undefined ? '' : maxExclusive ? `below ${max}` : `at most ${max}`;
  return [low, high].filter(Boolean).join(' and ');
}

/** Why a value does not fit the field, in words the user can act on; null when it does. */
export function settingProblem(field: SettingField, value: unknown): string | null {
  switch (field.type) {
    case 'number': {
      const ok =
        typeof value === 'number' &&
        Number.isFinite(value) &&
        (field.min === undefined || (field.minExclusive ? value > field.min : value >= field.min)) &&
        (field.max === undefined || (field.maxExclusive ? value < field.max : value <= field.max));
      if (ok) return null;
      const range = rangeWords(field.min, field.max, field.minExclusive, field.maxExclusive);
      if (range === 'positive') return `${field.label} must be a positive number.`;
      return `${field.label} must be a number${range ? ` ${range}` : ''}.`;
    }
    case 'integer': {
      const ok = typeof value === 'number' && Number.isInteger(value) && (field.min === undefined || value >= field.min) && (field.max === undefined || value <= field.max);
      return ok ? null : `${field.label} must be a whole number${field.min !== undefined || field.max !== undefined ? ` of ${rangeWords(field.min, field.max)}` : ''}.`;
    }
    case 'choice':
      return field.options.some((o) => o.value === value) ? null : `${field.label} must be one of ${field.options.map((o) => o.label).join(', ')}.`;
    case 'layers':
      return Array.isArray(value) && value.length > 0 && value.every((n) => Number.isInteger(n) && n >= 1) ? null : `${field.label}: each layer needs at least one unit.`;
  }
}

/** The first problem among a spec's settings, in the schema's order; null when all fit. */
export function settingsProblem(fields: SettingField[], spec: Record<string, unknown>): string | null {
  for (const field of fields) {
    if (!(field.key in spec)) return `The model settings are missing "${field.label}".`;
    const problem = settingProblem(field, spec[field.key]);
    if (problem) return problem;
  }
  return null;
}

/** Only the schema's keys, so a spec from a link or a file carries nothing the kind does not know. */
export function pickSettings(fields: SettingField[], raw: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const field of fields) if (field.key in raw) out[field.key] = raw[field.key];
  return out;
}

/** "64, 32; 32" -> [[64, 32], [32]] for layers; "0.1, 0.01" -> numbers; names as typed for choices; null when malformed. */
export function parseSearchValues(field: SettingField, text: string): SettingValue[] | null {
  if (!text.trim()) return [];
  if (field.type === 'layers') {
    const lists = text.split(';').map((part) => part.split(/[,\s]+/).filter(Boolean).map(Number));
    return lists.every((l) => settingProblem(field, l) === null) ? lists : null;
  }
  const parts = text.split(/[,\s]+/).filter(Boolean);
  if (field.type === 'choice') return parts.every((p) => settingProblem(field, p) === null) ? parts : null;
  const values = parts.map(Number);
  return values.every((v) => settingProblem(field, v) === null) ? values : null;
}

/** How the search panel tells the user what to type for a field. */
export function searchHint(field: SettingField): string {
  if (field.type === 'layers') return 'layer lists like "64, 32; 32"';
  if (field.type === 'choice') return `names from ${field.options.map((o) => o.value).join(', ')}, separated by commas`;
  const range = field.type === 'number' ? rangeWords(field.min, field.max, field.minExclusive, field.maxExclusive) : rangeWords(field.min, field.max);
  return `${field.type === 'integer' ? 'whole numbers' : 'numbers'}${range ? ` ${range}` : ''}, separated by commas`;
}
