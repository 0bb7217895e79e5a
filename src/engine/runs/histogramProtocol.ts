/**
 * The few words the engine worker and a histogram helper exchange. After an `attach` message
 * (the fit's shared arrays), they talk through a small Int32Array in shared memory: the engine
 * writes BUILD and wakes the helper, the helper builds its rows' part and writes IDLE; DETACH sends
 * the helper back to its message loop. Atomics keep each handoff to microseconds, where a
 * postMessage per node would cost more than the part it hands off.
 */
import type { SharedFitArrays } from '../../core/models/gbdt/parallel';

export const IDLE = 0;
export const BUILD = 1;
export const DETACH = 2;

/** control[0]: the command; control[1]: features in use; control[2], control[3]: the row range. */
export const CONTROL_WORDS = 4;

/** The fit's shared arrays (core's SharedFitArrays), and this helper's own words and histogram. */
export interface AttachMessage extends SharedFitArrays {
  type: 'attach';
  /** Shared: the features a build reads (the first control[1] entries). */
  use: Int32Array;
  control: Int32Array;
  /** Shared: where the helper writes its part. */
  hist: Float64Array;
}
