/** Demo datasets the studio opens with: seeded, generated in memory, parsed like any upload. */
import { generateDemoCustomers } from './customers';
import { generateDemoRatings } from './ratings';
import { DEFAULT_DEMO_SEED, type DemoFile } from './types';

export type { DemoFile } from './types';
export { DEFAULT_DEMO_SEED } from './types';
export { generateDemoCustomers, demoCustomerIds, demoCustomerId, DEMO_CUSTOMER_COUNT } from './customers';
export { generateDemoRatings, DEMO_RATING_USER_COUNT, DEMO_PRODUCT_COUNT } from './ratings';

/** Both demo files, customers first; demo-ratings' users are a subset of demo-customers' user_id. */
export function demoFiles(seed: number = DEFAULT_DEMO_SEED): DemoFile[] {
  return [generateDemoCustomers(seed), generateDemoRatings(seed)];
}
