/** Where a subscription remembers the position of the last event it handled. */
export interface CheckpointStore {
  load(name: string): Promise<number | undefined>;
  save(name: string, position: number): Promise<void>;
}
