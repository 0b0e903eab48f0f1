import { postgresStore, serverUnavailable } from './support/stores.js';
import { storeSuite } from './store.suite.js';

storeSuite('postgres', postgresStore, serverUnavailable);
