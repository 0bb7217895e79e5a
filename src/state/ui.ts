/** Which view is open, where focus goes when a button opens one, and what the live region says. */
import { create } from 'zustand';

export type ViewName = 'data' | 'clean' | 'train' | 'evaluate' | 'explain' | 'models' | 'recommend' | 'stream';

export interface UiStore {
  view: ViewName;
  /** A view opened by a button ("Open evaluation"): it takes focus once drawn, then this clears. */
  focusView: ViewName | null;
  /** The latest completion ("Model finished · test AUC 0.912"), read out by the live region. */
  announcement: string;
  setView(view: ViewName): void;
  /** Open a view and move focus into it, so focus does not fall to the page body. */
  openView(view: ViewName): void;
  focusTaken(): void;
  announce(text: string): void;
}

export const useUi = create<UiStore>((set) => ({
  view: 'data',
  focusView: null,
  announcement: '',
  setView: (view) => set({ view }),
  openView: (view) => set({ view, focusView: view }),
  focusTaken: () => set({ focusView: null }),
  announce: (text) => set({ announcement: text }),
}));
