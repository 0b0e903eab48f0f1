/** Commands added by later stages (actors, events, serve, …) register here. */
import type { Command, Option } from 'commander';
import type { Io } from './main.js';

export function registerExtended(_program: Command, _io: Io, _state: { code: number }, _db: () => Option): void {}
