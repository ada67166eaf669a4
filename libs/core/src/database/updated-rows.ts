/** The postgres driver answers `UPDATE … RETURNING` with `[rows, count]`, not the rows: unwrap it. */
export function updatedRows<T>(result: unknown): T[] {
  return (Array.isArray(result) && Array.isArray(result[0]) ? result[0] : result) as T[];
}
