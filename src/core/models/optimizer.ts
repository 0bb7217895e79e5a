/**
 * Adam, SGD and RMSProp applied to all weights at once as one flat vector. tfjs's own
 * optimizers run about fifteen kernels per weight tensor per step; concatenating the
 * gradients and updating one vector costs a fixed handful, and on wasm or webgpu each
 * kernel launch has an overhead that dominates small dense layers.
 */
import { tf, type Tensor } from '../compute/tf';
import type { OptimizerName } from './types';

export interface FlatOptimizer {
  /** Applies one update with this step's learning rate; call inside a tidy. */
  step(grads: tf.NamedTensorMap, learningRate: number): void;
  dispose(): void;
}

const BETA1 = 0.9;
const BETA2 = 0.999;
/** Same epsilon as tfjs's optimizers on float32 backends. */
const EPSILON = 1e-7;
const RMS_DECAY = 0.9;

export function createOptimizer(name: OptimizerName, vars: tf.Variable[]): FlatOptimizer {
  const sizes = vars.map((v) => v.size);
  const total = sizes.reduce((a, b) => a + b, 0);
  const state: tf.Variable[] = [];
  const slot = () => {
    const s = tf.tidy(() => tf.variable(tf.zeros([total]), false));
    state.push(s);
    return s;
  };
  const constants: Tensor[] = [];
  const constant = (v: number) => {
    const c = tf.scalar(v);
    constants.push(c);
    return c;
  };
  const one1 = constant(1 - BETA1);
  const one2 = constant(1 - (name === 'rmsprop' ? RMS_DECAY : BETA2));
  const eps = constant(EPSILON);
  const m = name === 'adam' ? slot() : null;
  const v = name === 'sgd' ? null : slot();
  let t = 0;

  /** Subtracts a flat update from the weights, piece by piece. */
  const apply = (update: Tensor) => {
    const pieces = tf.split(update, sizes);
    vars.forEach((w, i) => w.assign(tf.sub(w, tf.reshape(pieces[i], w.shape))));
  };

  return {
    step(grads, learningRate) {
      const g = tf.concat(vars.map((w) => tf.reshape(grads[w.name], [-1])));
      if (name === 'sgd') return apply(tf.mul(g, learningRate));
      const g2 = tf.square(g);
      v!.assign(tf.add(v!, tf.mul(tf.sub(g2, v!), one2)));
      if (name === 'rmsprop') return apply(tf.mul(tf.div(g, tf.sqrt(tf.add(v!, eps))), learningRate));
      t++;
      m!.assign(tf.add(m!, tf.mul(tf.sub(g, m!), one1)));
      // Bias correction folded into the step size, as in section 2 of Kingma & Ba (2015).
      const rate = (learningRate * Math.sqrt(1 - BETA2 ** t)) / (1 - BETA1 ** t);
      apply(tf.mul(tf.div(m!, tf.add(tf.sqrt(v!), eps)), rate));
    },
    dispose() {
      state.forEach((s) => s.dispose());
      constants.forEach((c) => c.dispose());
    },
  };
}
