import { pgliteStore } from './support/stores.js';
import { apiSuite } from './api.suite.js';

apiSuite('pglite', pgliteStore, async () => null);
