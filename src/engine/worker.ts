/// <reference lib="webworker" />
/** Thin adapter: the engine, exposed over comlink. No logic lives here. */
import { expose } from 'comlink';
import { createEngine } from './engine';

expose(createEngine());
