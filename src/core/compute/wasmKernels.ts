/**
 * Slice and SplitV for the wasm backend that read their input through a view of the wasm heap.
 * tfjs-backend-wasm 4.22's own versions first copy the whole input tensor into a new JavaScript
 * ArrayBuffer (readSync), then cut. In Chromium a fresh ArrayBuffer of tens of kilobytes costs
 * 150-300 us (Node: a few), so splitting a 5,441-weight vector in six took 1.9 ms per training
 * step, and slicing rows of a big matrix copied all of it. Same values, no copy of the input.
 */
import { tf } from './tf';

type TensorInfo = tf.TensorInfo;
type TypedArray = Float32Array | Int32Array | Uint8Array;

/** The part of BackendWasm these kernels use. */
interface WasmHeapBackend {
  makeOutput(shape: number[], dtype: tf.DataType): TensorInfo;
  typedArrayFromHeap(t: TensorInfo): TypedArray;
}

/** x[begin : begin + size], copied run by run of the innermost dimension. */
function sliceFromHeap(x: TensorInfo, begin: number[], size: number[], backend: WasmHeapBackend): TensorInfo {
  // The output first: allocating can grow the heap and detach older views.
  const out = backend.makeOutput(size, x.dtype);
  const total = tf.util.sizeFromShape(size);
  if (total === 0) return out;
  const from = backend.typedArrayFromHeap(x);
  const to = backend.typedArrayFromHeap(out);
  const strides = tf.util.computeStrides(x.shape);
  if (tf.slice_util.isSliceContinous(x.shape, begin, size)) {
    const offset = tf.slice_util.computeFlatOffset(begin, strides);
    to.set(from.subarray(offset, offset + total));
    return out;
  }
  const rank = x.shape.length;
  const run = size[rank - 1];
  const index = new Array<number>(rank - 1).fill(0);
  for (let written = 0; written < total; written += run) {
    let offset = begin[rank - 1];
    for (let d = 0; d < rank - 1; d++) offset += (begin[d] + index[d]) * strides[d];
    to.set(from.subarray(offset, offset + run), written);
    for (let d = rank - 2; d >= 0 && ++index[d] === size[d]; d--) index[d] = 0;
  }
  return out;
}

/** Registers the heap-view Slice and SplitV in place of tfjs-wasm's; strings keep the originals. */
export function replaceWasmCopyKernels(): void {
  const slice = tf.getKernel('Slice', 'wasm');
  const split = tf.getKernel('SplitV', 'wasm');
  if (!slice || !split || (slice as { loupe?: boolean }).loupe) return;
  const replace = (original: tf.KernelConfig, kernelFunc: tf.KernelFunc) => {
    tf.unregisterKernel(original.kernelName, 'wasm');
    tf.registerKernel({ ...original, kernelFunc, loupe: true } as tf.KernelConfig);
  };
  replace(slice, (args) => {
    const x = args.inputs.x as TensorInfo;
    if (x.dtype === 'string') return slice.kernelFunc(args);
    const attrs = args.attrs as unknown as tf.SliceAttrs;
    const [begin, size] = tf.slice_util.parseSliceParams(x, attrs.begin, attrs.size);
    return sliceFromHeap(x, begin, size, args.backend as unknown as WasmHeapBackend);
  });
  replace(split, (args) => {
    const x = args.inputs.x as TensorInfo;
    if (x.dtype === 'string') return split.kernelFunc(args);
    const attrs = args.attrs as unknown as tf.SplitVAttrs;
    const axis = tf.util.parseAxisParam(attrs.axis, x.shape)[0];
    const sizes = tf.backend_util.prepareSplitSize(x as tf.Tensor, attrs.numOrSizeSplits, axis);
    const begin = new Array<number>(x.shape.length).fill(0);
    return sizes.map((s) => {
      const size = x.shape.slice();
      size[axis] = s;
      const piece = sliceFromHeap(x, begin.slice(), size, args.backend as unknown as WasmHeapBackend);
      begin[axis] += s;
      return piece;
    });
  });
}
