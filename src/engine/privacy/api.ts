/** Personal data: what the detectors find per column, and the k-anonymity report on chosen quasi-identifiers. */
import type { PiiFinding, PiiKind, PiiKindScore } from '../../core/privacy/detect';
import type { EquivalenceGroup, GroupSizeBucket, KAnonymityReport } from '../../core/privacy/kAnonymity';
import type { Outcome } from '../outcome';

export type { PiiFinding, PiiKind, PiiKindScore, EquivalenceGroup, GroupSizeBucket, KAnonymityReport };

export interface PiiDetection {
  datasetId: string;
  /** The dataset version the findings are for. */
  version: number;
  columnsChecked: number;
  findings: PiiFinding[];
  /**
   * Columns a recipe step already protected in this version ("pseudonymised", "masked",
   * "generalised"), from the dataset's lineage; they are left out of `findings`.
   */
  protectedColumns: Record<string, string>;
}

export interface PrivacyApi {
  /** Columns that look like personal data, most confident first; recorded in the audit log (names and counts only). */
  detect(datasetId: string): Promise<Outcome<PiiDetection, 'not-found'>>;
  /** k over the chosen quasi-identifier columns and the rows to suppress to reach `targetK`; the smallest groups' values are for the page only. */
  kAnonymity(datasetId: string, columns: string[], targetK: number): Promise<Outcome<KAnonymityReport, 'not-found' | 'bad-request'>>;
}
