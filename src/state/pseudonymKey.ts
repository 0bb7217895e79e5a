/**
 * The pseudonymisation key the user typed, held in memory on this page only: never stored,
 * never in a recipe. Applying a recipe passes it to the engine as a step secret.
 */
import { create } from 'zustand';

export interface PseudonymKeyStore {
  key: string | null;
  setKey(key: string | null): void;
}

export const usePseudonymKey = create<PseudonymKeyStore>((set) => ({
  key: null,
  setKey: (key) => set({ key: key && key.length > 0 ? key : null }),
}));
