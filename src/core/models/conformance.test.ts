/** Every kind the registry holds passes the conformance suite (conformance.testing.ts). */
import { modelKinds } from './registry';
import { describeConformance } from './conformance.testing';

for (const kind of modelKinds()) describeConformance(kind);
