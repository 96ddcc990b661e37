/** What the storage stage records. */

export interface StorageDetails {
  readonly operation: 'create' | 'get' | 'list' | 'update' | 'delete' | 'none' | 'watch' | 'deletecollection';
  /** The etcd key (or key prefix for a list). */
  readonly key: string;
  readonly revision: number;
  /** deletecollection: the keys it deleted (or marked for deletion). */
  readonly keys?: readonly string[];
  /** A watch: how many events it delivered. */
  readonly events?: number;
  /** True when `dryRun=All` kept the write from reaching etcd. */
  readonly dryRun?: boolean;
}
