/** Which view is open. */
import { create } from 'zustand';

export type ViewName = 'data' | 'train' | 'evaluate' | 'explain' | 'recommend';

export interface UiStore {
  view: ViewName;
  setView(view: ViewName): void;
}

export const useUi = create<UiStore>((set) => ({
  view: 'data',
  setView: (view) => set({ view }),
}));
