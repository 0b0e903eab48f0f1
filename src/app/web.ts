/** Where the built dashboard is (web/dist, made by `npm run build`), for the API to serve. */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The dashboard's directory: `dir` if given, else the package's web/dist/; null when it is not built. */
export function dashboardDir(dir?: string): string | null {
  const d = dir ?? fileURLToPath(new URL('../../web/dist/', import.meta.url));
  return existsSync(d) ? d : null;
}
