import { AsyncLocalStorage } from 'node:async_hooks';

export interface RequestContextStore {
  requestId?: string;
  actorUserId?: string;
}

const storage = new AsyncLocalStorage<RequestContextStore>();

/**
 * Per-request facts that cross-cutting code needs without threading them through every call:
 * the request id (logs, audit rows) and the authenticated user (audit rows).
 */
export const RequestContext = {
  run<T>(store: RequestContextStore, fn: () => T): T {
    return storage.run(store, fn);
  },
  get(): RequestContextStore {
    return storage.getStore() ?? {};
  },
  setActor(userId: string): void {
    const store = storage.getStore();
    if (store) store.actorUserId = userId;
  },
};
