/** Portable export: a run as one ONNX file that scores raw rows; networks at float32, float16 or int8 weights, trees at float32. */
import type { MetricChange, PrecisionOption } from '../../core/export/portable';
import type { Precision } from '../../core/export/quantize';
import type { Outcome } from '../outcome';

export type { MetricChange, PrecisionOption, Precision };

export interface OnnxInput {
  name: string;
  /** double: a date as epoch milliseconds (UTC). */
  type: 'float' | 'double' | 'string';
}

export interface OnnxOffer {
  /** null when the run can be exported; otherwise why not, in words the user can act on. */
  unavailable: string | null;
  /** What the file holds: a network's layers or a forest of trees. */
  holds: 'network' | 'trees';
  inputs: OnnxInput[];
  output: { name: string; width: number };
  /** Size and test-split metric change per precision (empty when unavailable). */
  options: PrecisionOption[];
}

export interface PortableApi {
  /** What an ONNX export of the run would be, before downloading it. */
  onnxOffer(runId: string): Promise<Outcome<OnnxOffer, 'not-found'>>;
  exportOnnx(runId: string, precision: Precision): Promise<Outcome<Blob, 'not-found' | 'not-exportable'>>;
}
