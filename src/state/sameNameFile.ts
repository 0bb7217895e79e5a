/**
 * A file whose name is already loaded: the user chooses to replace that dataset or keep both,
 * the new one named "name (2)" (then "(3)"…), as file managers do.
 */
export type SameNameChoice = 'replace' | 'keep-both' | 'cancel';

export interface SameNameFile {
  file: File;
  /** The loaded dataset with that name. */
  existingId: string;
}

/** "ratings.csv" -> "ratings (2).csv" (the extension stays last so the format still reads right). */
export function keepBothName(name: string, taken: readonly string[]): string {
  const dot = name.lastIndexOf('.');
  const stem = dot > 0 ? name.slice(0, dot) : name;
  const extension = dot > 0 ? name.slice(dot) : '';
  for (let n = 2; ; n++) {
    const candidate = `${stem} (${n})${extension}`;
    if (!taken.includes(candidate)) return candidate;
  }
}
