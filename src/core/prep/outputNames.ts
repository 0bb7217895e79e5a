/** Names of the matrix columns a fitted step produces, in the order transform writes them. */
import type { FeatureStep, FittedPipeline } from './types';

export function outputNamesOf(step: FeatureStep): string[] {
  const c = step.column;
  const names: string[] = [];
  switch (step.kind) {
    case 'number':
    case 'boolean':
      names.push(c);
      break;
    case 'category':
      if (step.native === 'codes') {
        names.push(c);
        break;
      }
      for (const cat of step.categories) names.push(`${c}=${cat}`);
      names.push(`${c}=other`);
      break;
    case 'datetime':
      for (const part of step.parts) names.push(`${c}.${part}`);
      break;
    case 'text':
      for (let b = 0; b < step.buckets; b++) names.push(`${c}#${b}`);
      return names;
  }
  if (step.missingIndicator) names.push(`${c} (missing)`);
  return names;
}

/** How many matrix columns a fitted step produces. */
export function outputWidth(step: FeatureStep): number {
  switch (step.kind) {
    case 'number':
    case 'boolean':
      return 1 + (step.missingIndicator ? 1 : 0);
    case 'category':
      return (step.native === 'codes' ? 1 : step.categories.length + 1) + (step.missingIndicator ? 1 : 0);
    case 'datetime':
      return step.parts.length + (step.missingIndicator ? 1 : 0);
    case 'text':
      return step.buckets;
  }
}

/** Per matrix column: whether it holds category codes (a native categorical feature for trees). */
export function categoricalOutputs(p: FittedPipeline): boolean[] {
  return p.features.flatMap((step) => {
    const codes = step.kind === 'category' && step.native === 'codes';
    return Array.from({ length: outputWidth(step) }, (_, i) => codes && i === 0);
  });
}
