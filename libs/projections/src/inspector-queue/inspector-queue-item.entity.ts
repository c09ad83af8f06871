import { Column, Entity, PrimaryColumn } from 'typeorm';

/** An item of the inspector notification queue (B1 policy, B3 statutory): pending until the call is recorded. */
@Entity({ name: 'inspector_queue_items' })
export class InspectorQueueItemRow {
  @PrimaryColumn('text', { name: 'item_id' }) itemId!: string;
  @Column('text', { name: 'incident_id' }) incidentId!: string;
  @Column('text', { name: 'school_id', nullable: true }) schoolId!: string | null;
  @Column('text') basis!: string;
  @Column('timestamptz', { name: 'created_at' }) createdAt!: Date;
  @Column('timestamptz', { name: 'due_at' }) dueAt!: Date;
  @Column('text') status!: 'pending' | 'done';
  @Column('timestamptz', { name: 'called_at', nullable: true }) calledAt!: Date | null;
  @Column('text', { name: 'inspector_reference', nullable: true }) inspectorReference!: string | null;
  @Column('text', { nullable: true }) conclusion!: string | null;
  @Column('text', { name: 'called_by', nullable: true }) calledBy!: string | null;
}
