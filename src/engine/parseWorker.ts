/// <reference lib="webworker" />
/** Thin adapter: a parse helper, started by the engine worker's parse pool (parsePool.ts). No logic lives here. */
import { expose, transfer } from 'comlink';
import { createParseService } from './parseService';

expose(createParseService({ transfer }));
