/**
 * The one door to tfjs. Models and maths import `tf` from here, never from the package,
 * so backend choice and initialisation stay in src/core/compute.
 */
import * as tf from '@tensorflow/tfjs';

export { tf };
export type Tensor = import('@tensorflow/tfjs').Tensor;
export type Tensor2D = import('@tensorflow/tfjs').Tensor2D;
