import type { FitOptions } from '../types';
import type { ImplicitModel, ImplicitSpec, Interactions } from './types';
import { itemPopularity } from './interactions';
import { fitSar } from './sar';
import { fitAls } from './als';
import { fitBpr } from './bpr';

/**
 * Defaults measured on ml-100k with the Recommenders protocol (implicit/ml100k.test.ts):
 * SAR as their benchmark runs it (Jaccard, threshold 1); ALS and BPR tuned here.
 */
export const IMPLICIT_DEFAULTS: { [K in ImplicitSpec['kind']]: Extract<ImplicitSpec, { kind: K }> } = {
  popular: { kind: 'popular' },
  sar: { kind: 'sar', similarity: 'jaccard', threshold: 1 },
  als: { kind: 'als', factors: 16, iterations: 15, reg: 20, alpha: 1, cgSteps: 3, seed: 42 },
  bpr: { kind: 'bpr', factors: 200, epochs: 100, lr: 0.01, reg: 0.001, seed: 42 },
};

export function fitImplicit(x: Interactions, spec: ImplicitSpec, options?: FitOptions): ImplicitModel {
  switch (spec.kind) {
    case 'popular':
      return popularModel(x);
    case 'sar':
      return fitSar(x, spec);
    case 'als':
      return fitAls(x, spec, options);
    case 'bpr':
      return fitBpr(x, spec, options);
  }
}

/** Everyone gets the most-interacted items: what a brand-new user sees before onboarding. */
export function popularModel(x: Interactions): ImplicitModel {
  const pop = itemPopularity(x);
  return { kind: 'popular', nItems: x.nItems, scoreUser: (_u, out) => out.set(pop), scoreHistory: (_h, out) => out.set(pop) };
}
