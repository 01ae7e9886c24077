/** A second audit thread that reads nothing and never says it is done (as one that hung or crashed would). */
import { workerData } from 'node:worker_threads';

const { folders } = workerData as { folders: readonly string[] };
if (folders.length === 0) throw new Error('given no folders');
