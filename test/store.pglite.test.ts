import { pgliteStore } from './support/stores.js';
import { storeSuite } from './store.suite.js';

storeSuite('pglite', pgliteStore, async () => null);
