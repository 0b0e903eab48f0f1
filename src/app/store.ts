/** Opening the store for the faces (CLI, API, bench): they never reach into src/store themselves. */
import { openStore, resolveLocation, StoreBusyError, type LockInfo, type OpenOptions, type Store } from '../store/store.js';

export { openStore, resolveLocation, StoreBusyError, type LockInfo, type OpenOptions, type Store };

/** Open the store at `location` (see `openStore`), run `fn`, and close the store whatever happens. */
export async function withStore<T>(location: string | undefined, fn: (store: Store) => Promise<T>, opts: OpenOptions = {}): Promise<T> {
  const store = await openStore(location, opts);
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}
