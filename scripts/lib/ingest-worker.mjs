// A worker thread of the ingest (scripts/lib/ingest-pool.ts): TypeScript through tsx's loader,
// registered here because a worker started from a test runner does not inherit one.
import { register } from 'tsx/esm/api';

register();
await import('./ingest-worker.ts');
