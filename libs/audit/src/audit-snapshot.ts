/** The bookkeeping fields of a record's view, which its audit snapshot leaves out. */
interface Bookkeeping {
  id: string;
  createdAt: Date;
  updatedAt: Date;
  version: number;
}

/** What the audit trail keeps of a record: its view without the id, the timestamps and the version. */
export function auditSnapshotOf<V extends Bookkeeping>(view: V): Omit<V, keyof Bookkeeping> {
  const { id: _id, createdAt: _c, updatedAt: _u, version: _v, ...rest } = view;
  return rest;
}
