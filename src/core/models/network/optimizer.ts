/**
 * Adam, SGD and RMSProp over all weights at once as one flat vector. tfjs's own optimizers
 * run about fifteen kernels per weight tensor per step; here the weights live in one flat
 * variable for the whole training run, so an update is a fixed handful of kernels on one
 * vector, and each step reads the layers' weights as views (one split). On wasm or webgpu
 * every kernel call has an overhead that dominates small dense layers. The network's own
 * variables are written from the flat vector when the trainer needs them (writeBack).
 */
import { tf, type Tensor } from '../../compute/tf';
import type { OptimizerName } from './types';

export interface FlatOptimizer {
  /** The weights, flattened and concatenated in the order of `vars`. */
  readonly weights: tf.Variable;
  /** The weights shaped like `vars`, in their order; call inside a tidy. */
  views(): Tensor[];
  /** Applies one update from the flat gradient with this step's learning rate; call inside a tidy. */
  step(grad: Tensor, learningRate: number): void;
  /** Copies the flat weights into `vars`. */
  writeBack(): void;
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
  const weights = tf.tidy(() => tf.variable(tf.concat(vars.map((v) => tf.reshape(v, [-1]))), false));
  const state: tf.Variable[] = [weights];
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

  const views = () => {
    const pieces = vars.length === 1 ? [weights] : tf.split(weights, sizes);
    return pieces.map((p, i) => (vars[i].rank === 1 ? p : tf.reshape(p, vars[i].shape)));
  };
  const apply = (update: Tensor) => weights.assign(tf.sub(weights, update));

  return {
    weights,
    views,
    step(g, learningRate) {
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
    writeBack() {
      tf.tidy(() => views().forEach((w, i) => vars[i].assign(w)));
    },
    dispose() {
      state.forEach((s) => s.dispose());
      constants.forEach((c) => c.dispose());
    },
  };
}
