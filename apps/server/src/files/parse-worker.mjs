// The entry of a parse worker: the server's TypeScript runs through tsx (as `npm start` does),
// which a worker thread must register for itself.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.entry);
