import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { Role } from './roles';

@Entity('users')
export class UserEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('text', { unique: true })
  username: string;

  @Column('text', { name: 'display_name' })
  displayName: string;

  @Column('text', { name: 'unit_code' })
  unitCode: string;

  @Column('text', { array: true })
  roles: Role[];

  @Column('text', { name: 'password_hash', select: false })
  passwordHash: string;

  @Column('boolean', { default: false })
  disabled: boolean;

  /** Carried by every token; bumped when the user is disabled, demoted, moved, deleted, re-passworded or logs out. */
  @Column('integer', { name: 'credentials_version', default: 1 })
  credentialsVersion: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
