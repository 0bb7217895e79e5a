/** A configuration shared through the URL fragment: read once at start, applied when its target column is present. */
import { create } from 'zustand';
import { configFromFragment, configToFragment } from '../core/experiment/shareConfig';
import type { ExperimentConfig } from '../engine/api';

export interface ShareStore {
  /** A configuration from the link, waiting for a dataset with its target column. */
  pending: ExperimentConfig | null;
  message: string | null;
  link: string | null;
  /** The address bar is read once per page load, so a later share does not re-apply itself. */
  read: boolean;
  readFromUrl(): void;
  /** Put the configuration in the address bar and return the link. */
  share(config: ExperimentConfig): string;
  done(message: string | null): void;
}

export const useShare = create<ShareStore>((set) => ({
  pending: null,
  message: null,
  link: null,
  read: false,

  readFromUrl() {
    if (useShare.getState().read) return;
    set({ read: true });
    const result = configFromFragment(window.location.hash);
    if (!result.ok) set({ message: result.message, pending: null });
    else if (result.value) set({ pending: result.value, message: null });
  },

  share(config) {
    const fragment = configToFragment(config);
    const link = `${window.location.origin}${window.location.pathname}${window.location.search}${fragment}`;
    window.history.replaceState(null, '', fragment);
    set({ link });
    return link;
  },

  done(message) {
    set({ pending: null, message });
  },
}));
