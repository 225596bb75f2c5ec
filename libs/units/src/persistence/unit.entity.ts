import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { UnitKind } from '../unit.types';

@Entity('units')
export class UnitEntity {
  @PrimaryColumn('text')
  code: string;

  @Column('text', { name: 'full_name' })
  fullName: string;

  @Column('text', { name: 'short_name' })
  shortName: string;

  @Column('text', { array: true })
  aliases: string[];

  @Column('text')
  kind: UnitKind;

  @Column('text', { name: 'parent_code', nullable: true })
  parentCode: string | null;

  @Column('text', { name: 'successor_code', nullable: true })
  successorCode: string | null;

  @Column('date', { name: 'successor_since', nullable: true })
  successorSince: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

/** A name standing for several units (各市政府), or for none (各相关部门: a placeholder). */
@Entity('unit_name_rules')
export class UnitNameRuleEntity {
  @PrimaryColumn('text')
  name: string;

  @Column('text')
  rule: 'group' | 'placeholder';

  @Column('text', { array: true })
  aliases: string[];

  @Column('text', { name: 'member_codes', array: true })
  memberCodes: string[];
}
