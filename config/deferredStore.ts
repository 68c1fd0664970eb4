/**
 * A store that is still opening (a PostgreSQL backend connects and creates its tables in the
 * background): every call waits for it, and a store that could not open fails the first call
 * that needs it with its own error, not as an unhandled rejection at start. Lets a front end open
 * its stores synchronously, where it opens the others.
 */
export function deferredStore<T extends { close(): Promise<void> }>(
  opening: Promise<T>,
  methods: ReadonlyArray<Exclude<keyof T, 'close'>>,
): T {
  opening.catch(() => undefined);
  const store: Record<string, unknown> = {
    close: async () => {
      const opened = await opening.catch(() => undefined);
      await opened?.close();
    },
  };
  for (const name of methods) {
    store[name as string] = async (...args: unknown[]) => {
      const opened = (await opening) as Record<string, (...a: unknown[]) => Promise<unknown>>;
      return opened[name as string]!(...args);
    };
  }
  return store as T;
}
