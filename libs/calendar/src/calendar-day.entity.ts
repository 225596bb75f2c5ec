import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A holiday or make-up working day entered by an admin, on top of the package's calendar. */
@Entity('calendar_days')
export class CalendarDayEntity {
  @PrimaryColumn('date')
  date: string;

  @Column('text')
  kind: 'holiday' | 'workday';

  @Column('text', { nullable: true })
  note: string | null;

  @Column('text', { name: 'created_by' })
  createdBy: string;

  @Column('timestamptz', { name: 'created_at' })
  createdAt: Date;
}
