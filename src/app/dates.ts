/** The dates a user may give (`--published`, `--since`, `?since=`): YYYY, YYYY-MM or YYYY-MM-DD. */
export { isIsoDate } from '../ingest/dates.js';
