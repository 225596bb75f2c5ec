import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { Clock, DomainError } from '@app/common';
import { hashPassword, passwordProblem } from './password-hasher';
import type { Actor, Role } from './roles';
import { UserEntity } from './user.entity';
import { checkRoles, checkUnit } from './user-rules';
import { type CreateUserCommand, UserService } from './user.service';

export interface UserView {
  id: string;
  username: string;
  displayName: string;
  unitCode: string;
  roles: Role[];
  disabled: boolean;
  createdAt: Date;
}

/** What an admin may change on a user; every change ends the user's tokens. */
export interface UserChange {
  disabled?: boolean;
  roles?: Role[];
  unitCode?: string;
}

type AuditAction = 'create' | 'update' | 'delete' | 'password_reset' | 'logout';

/**
 * Users as admins manage them. Every change bumps the user's credentials version (so tokens issued
 * before stop at their next request) and is recorded in `user_changes` in the same transaction.
 */
@Injectable()
export class UserAdminService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly users: UserService,
    private readonly clock: Clock,
  ) {}

  async list(): Promise<UserView[]> {
    const users = await this.dataSource.manager.find(UserEntity, { order: { unitCode: 'ASC', username: 'ASC' } });
    return users.map(view);
  }

  async create(command: CreateUserCommand, by: Actor): Promise<UserView> {
    const user = await this.users.create(command);
    await audit(
      this.dataSource.manager,
      user,
      'create',
      { unitCode: user.unitCode, roles: user.roles },
      by,
      this.clock,
    );
    return view(user);
  }

  update(id: string, change: UserChange, by: Actor): Promise<UserView> {
    return this.dataSource.transaction(async (manager) => {
      const user = await lockedUser(manager, id);
      if (change.roles) checkRoles(change.roles);
      if (change.unitCode !== undefined) await checkUnit(manager, change.unitCode);
      const changed = definedOnly(change);
      await manager.update(UserEntity, { id }, { ...changed, credentialsVersion: user.credentialsVersion + 1 });
      await audit(manager, user, 'update', changed, by, this.clock);
      return view({ ...user, ...changed });
    });
  }

  remove(id: string, by: Actor): Promise<void> {
    return this.dataSource.transaction(async (manager) => {
      const user = await lockedUser(manager, id);
      await manager.delete(UserEntity, { id });
      await audit(manager, user, 'delete', {}, by, this.clock);
    });
  }

  async resetPassword(id: string, password: string, by: Actor): Promise<void> {
    const problem = passwordProblem(password);
    if (problem) throw new DomainError('invalid', 'WEAK_PASSWORD', problem, { field: 'password' });
    const passwordHash = await hashPassword(password);
    await this.dataSource.transaction(async (manager) => {
      const user = await lockedUser(manager, id);
      await manager.update(UserEntity, { id }, { passwordHash, credentialsVersion: user.credentialsVersion + 1 });
      await audit(manager, user, 'password_reset', {}, by, this.clock);
    });
  }

  /** Logout: every token of the user ends (a version bump needs no list of revoked tokens to keep or expire). */
  revokeTokens(actor: Actor & { userId: string }): Promise<void> {
    return this.dataSource.transaction(async (manager) => {
      const user = await lockedUser(manager, actor.userId);
      await manager.increment(UserEntity, { id: user.id }, 'credentialsVersion', 1);
      await audit(manager, user, 'logout', {}, actor, this.clock);
    });
  }
}

async function lockedUser(manager: EntityManager, id: string): Promise<UserEntity> {
  const user = await manager.findOne(UserEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
  if (!user) throw new DomainError('not_found', 'USER_NOT_FOUND', '用户不存在');
  return user;
}

async function audit(
  manager: EntityManager,
  user: { id: string; username: string },
  action: AuditAction,
  changes: object,
  by: Actor,
  clock: Clock,
): Promise<void> {
  await manager.query(
    `INSERT INTO user_changes (user_id, username, action, changes, actor_user_id, actor_username, at)
     VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [user.id, user.username, action, JSON.stringify(changes), by.userId, by.username, clock.now()],
  );
}

function definedOnly(change: UserChange): UserChange {
  return Object.fromEntries(Object.entries(change).filter(([, value]) => value !== undefined));
}

function view(user: UserEntity): UserView {
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    unitCode: user.unitCode,
    roles: user.roles,
    disabled: user.disabled,
    createdAt: user.createdAt,
  };
}
