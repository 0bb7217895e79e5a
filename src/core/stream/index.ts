/** Stream maths: windows, drift statistics, the DDM error-rate detector, prequential metrics. */
export * from './windows';
export * from './drift';
export * from './ddm';
export * from './prequential';
export * from './reference';
export * from './monitor';
export * from './tail';
