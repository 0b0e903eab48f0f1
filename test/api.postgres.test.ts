import { postgresStore, serverUnavailable } from './support/stores.js';
import { apiSuite } from './api.suite.js';

apiSuite('postgres', postgresStore, serverUnavailable);
