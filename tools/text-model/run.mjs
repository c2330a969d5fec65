// Runs a TypeScript entry of tools/text-model with ts-node (transpile only) and the
// workspace's path aliases: `node tools/text-model/run.mjs train --set dev`.
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runTsEntry } from '../scripts/ts-entry.mjs';

runTsEntry(dirname(fileURLToPath(import.meta.url)), 'train');
