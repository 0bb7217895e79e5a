/**
 * A small protobuf writer for the subset of onnx.proto (ONNX IR 8) that Loupe's export uses.
 * Field numbers are onnx.proto's: ModelProto (ir_version 1, producer_name 2, producer_version 3,
 * doc_string 6, graph 7, opset_import 8, metadata_props 14), OperatorSetIdProto (domain 1,
 * version 2), GraphProto (node 1, name 2, initializer 5, doc_string 10, input 11, output 12),
 * NodeProto (input 1, output 2, name 3, op_type 4, attribute 5, domain 7), AttributeProto
 * (name 1, f 2, i 3, s 4, floats 7, ints 8, strings 9, type 20), TensorProto (dims 1, data_type 2,
 * string_data 6, name 8, raw_data 9), ValueInfoProto (name 1, type 2, doc_string 3),
 * TypeProto (tensor_type 1), TypeProto.Tensor (elem_type 1, shape 2), TensorShapeProto (dim 1),
 * Dimension (dim_value 1, dim_param 2), StringStringEntryProto (key 1, value 2).
 * Written by hand because the subset is this small and a protobuf package would bring a code
 * generator and the whole onnx.proto for five messages.
 */

/** TensorProto.DataType values used here. */
export const DataType = { FLOAT: 1, INT8: 3, INT64: 7, STRING: 8, BOOL: 9, FLOAT16: 10, DOUBLE: 11 } as const;
export type DataTypeCode = (typeof DataType)[keyof typeof DataType];

const AttributeType = { FLOAT: 1, INT: 2, STRING: 3, FLOATS: 6, INTS: 7, STRINGS: 8 } as const;

/** Bytes of one message under construction; fields are appended in any order (protobuf allows it). */
class Writer {
  private chunks: number[] = [];
  private parts: Uint8Array[] = [];

  private flush(): void {
    if (this.chunks.length) {
      this.parts.push(Uint8Array.from(this.chunks));
      this.chunks = [];
    }
  }

  varint(value: number | bigint): void {
    // Negative int64 values are written as their 64-bit two's complement, as protobuf does.
    let v = BigInt.asUintN(64, BigInt(value));
    while (v >= 0x80n) {
      this.chunks.push(Number(v & 0x7fn) | 0x80);
      v >>= 7n;
    }
    this.chunks.push(Number(v));
  }

  tag(field: number, wire: 0 | 2 | 5): void {
    this.varint((field << 3) | wire);
  }

  int(field: number, value: number): void {
    this.tag(field, 0);
    this.varint(value);
  }

  bytes(field: number, data: Uint8Array): void {
    this.tag(field, 2);
    this.varint(data.length);
    this.flush();
    this.parts.push(data);
  }

  string(field: number, text: string): void {
    this.bytes(field, new TextEncoder().encode(text));
  }

  message(field: number, inner: Writer): void {
    this.bytes(field, inner.finish());
  }

  float(field: number, value: number): void {
    this.tag(field, 5);
    const b = new Uint8Array(4);
    new DataView(b.buffer).setFloat32(0, value, true);
    this.flush();
    this.parts.push(b);
  }

  finish(): Uint8Array<ArrayBuffer> {
    this.flush();
    const total = this.parts.reduce((s, p) => s + p.length, 0);
    const out = new Uint8Array(total);
    let at = 0;
    for (const p of this.parts) {
      out.set(p, at);
      at += p.length;
    }
    return out;
  }
}

export type Attribute =
  | { name: string; float: number }
  | { name: string; int: number }
  | { name: string; text: string }
  | { name: string; ints: number[] }
  | { name: string; floats: number[] }
  | { name: string; strings: string[] };

export interface Node {
  op: string;
  inputs: string[];
  outputs: string[];
  domain?: string;
  attributes?: Attribute[];
}

/** A constant tensor: numbers (written as raw little-endian bytes of its type) or strings. */
export interface Tensor {
  name: string;
  type: DataTypeCode;
  dims: number[];
  /** FLOAT: Float32Array; DOUBLE: Float64Array; FLOAT16: Uint16Array of half bits; INT8: Int8Array; INT64: BigInt64Array; STRING: string[]. */
  data: Float32Array | Float64Array | Uint16Array | Int8Array | BigInt64Array | string[];
}

/** A graph input or output: element type and shape, a string for a symbolic dimension ("N"). */
export interface ValueInfo {
  name: string;
  type: DataTypeCode;
  shape: (number | string)[];
  doc?: string;
}

export interface Model {
  producer: string;
  producerVersion: string;
  doc: string;
  /** e.g. [{ domain: '', version: 17 }, { domain: 'ai.onnx.ml', version: 3 }]. */
  opsets: { domain: string; version: number }[];
  graph: { name: string; nodes: Node[]; initializers: Tensor[]; inputs: ValueInfo[]; outputs: ValueInfo[] };
  metadata: Record<string, string>;
}

function attribute(a: Attribute): Writer {
  const w = new Writer();
  w.string(1, a.name);
  if ('float' in a) {
    w.float(2, a.float);
    w.int(20, AttributeType.FLOAT);
  } else if ('int' in a) {
    w.int(3, a.int);
    w.int(20, AttributeType.INT);
  } else if ('text' in a) {
    w.string(4, a.text);
    w.int(20, AttributeType.STRING);
  } else if ('ints' in a) {
    for (const v of a.ints) w.int(8, v);
    w.int(20, AttributeType.INTS);
  } else if ('floats' in a) {
    for (const v of a.floats) w.float(7, v);
    w.int(20, AttributeType.FLOATS);
  } else {
    for (const s of a.strings) w.string(9, s);
    w.int(20, AttributeType.STRINGS);
  }
  return w;
}

function node(n: Node, index: number): Writer {
  const w = new Writer();
  for (const i of n.inputs) w.string(1, i);
  for (const o of n.outputs) w.string(2, o);
  w.string(3, `${n.op}_${index}`);
  w.string(4, n.op);
  for (const a of n.attributes ?? []) w.message(5, attribute(a));
  if (n.domain) w.string(7, n.domain);
  return w;
}

function tensor(t: Tensor): Writer {
  const w = new Writer();
  for (const d of t.dims) w.int(1, d);
  w.int(2, t.type);
  w.string(8, t.name);
  if (Array.isArray(t.data)) {
    for (const s of t.data) w.string(6, s);
  } else {
    // raw_data is little-endian; typed arrays are in the platform's order, little-endian everywhere Loupe runs.
    w.bytes(9, new Uint8Array(t.data.buffer, t.data.byteOffset, t.data.byteLength).slice());
  }
  return w;
}

function valueInfo(v: ValueInfo): Writer {
  const shape = new Writer();
  for (const d of v.shape) {
    const dim = new Writer();
    if (typeof d === 'number') dim.int(1, d);
    else dim.string(2, d);
    shape.message(1, dim);
  }
  const tensorType = new Writer();
  tensorType.int(1, v.type);
  tensorType.message(2, shape);
  const type = new Writer();
  type.message(1, tensorType);
  const w = new Writer();
  w.string(1, v.name);
  w.message(2, type);
  if (v.doc) w.string(3, v.doc);
  return w;
}

/** The model as .onnx file bytes. */
export function encodeModel(m: Model): Uint8Array<ArrayBuffer> {
  const graph = new Writer();
  m.graph.nodes.forEach((n, i) => graph.message(1, node(n, i)));
  graph.string(2, m.graph.name);
  for (const t of m.graph.initializers) graph.message(5, tensor(t));
  for (const v of m.graph.inputs) graph.message(11, valueInfo(v));
  for (const v of m.graph.outputs) graph.message(12, valueInfo(v));
  const model = new Writer();
  // IR version 8 goes with opset 17 (onnx/docs/Versioning.md).
  model.int(1, 8);
  model.string(2, m.producer);
  model.string(3, m.producerVersion);
  model.string(6, m.doc);
  model.message(7, graph);
  for (const o of m.opsets) {
    const op = new Writer();
    op.string(1, o.domain);
    op.int(2, o.version);
    model.message(8, op);
  }
  for (const [key, value] of Object.entries(m.metadata)) {
    const entry = new Writer();
    entry.string(1, key);
    entry.string(2, value);
    model.message(14, entry);
  }
  return model.finish();
}
