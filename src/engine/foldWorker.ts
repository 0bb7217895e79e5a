/// <reference lib="webworker" />
/** Thin adapter: a fold helper, started by the engine worker's pool (search.ts). No logic lives here. */
import { expose } from 'comlink';
import { createFoldService } from './folds';

expose(createFoldService({ ownsBackend: true }));
