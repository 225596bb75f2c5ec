import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DomainError } from '@app/common';
import { hashPassword, passwordProblem, verifyPassword } from './password-hasher';
import { Actor, Role } from './roles';
import { checkRoles, checkUnit } from './user-rules';
import { UserEntity } from './user.entity';

export interface CreateUserCommand {
  username: string;
  displayName?: string;
  unitCode: string;
  roles: Role[];
  password: string;
}

/** A user who may act, with the credentials version its tokens must carry. */
export interface SignedInUser extends Actor {
  userId: string;
  credentialsVersion: number;
}

function signedIn(user: UserEntity): SignedInUser {
  return {
    userId: user.id,
    username: user.username,
    unitCode: user.unitCode,
    roles: user.roles,
    credentialsVersion: user.credentialsVersion,
  };
}

/** A hash of a password nobody has, so an unknown user costs as much time as a wrong password. */
const DUMMY_HASH = 'scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=';

@Injectable()
export class UserService {
  constructor(private readonly dataSource: DataSource) {}

  async create(command: CreateUserCommand): Promise<UserEntity> {
    const problem = passwordProblem(command.password);
    if (problem) throw new DomainError('invalid', 'WEAK_PASSWORD', problem, { field: 'password' });
    checkRoles(command.roles);
    await checkUnit(this.dataSource.manager, command.unitCode);
    if (await this.exists(command.username))
      throw new DomainError('conflict', 'USERNAME_TAKEN', `用户名 ${command.username} 已存在`, { field: 'username' });
    const user = this.dataSource.manager.create(UserEntity, {
      username: command.username,
      displayName: command.displayName ?? command.username,
      unitCode: command.unitCode,
      roles: command.roles,
      passwordHash: await hashPassword(command.password),
    });
    const saved = await this.dataSource.manager.save(user);
    return { ...saved, passwordHash: '' };
  }

  exists(username: string): Promise<boolean> {
    return this.dataSource.manager.existsBy(UserEntity, { username });
  }

  /** The actor behind a username and password; one message for every failure so names cannot be probed. */
  async authenticate(username: string, password: string): Promise<SignedInUser> {
    const user = await this.dataSource.manager.findOne(UserEntity, {
      where: { username },
      select: {
        id: true,
        username: true,
        unitCode: true,
        roles: true,
        passwordHash: true,
        disabled: true,
        credentialsVersion: true,
      },
    });
    const valid = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
    if (!user || !valid || user.disabled)
      throw new DomainError('unauthenticated', 'INVALID_CREDENTIALS', '用户名或密码错误');
    return signedIn(user);
  }

  /**
   * The user as they are now, if a token of this credentials version still speaks for them: an
   * active user whose version has not moved since. One primary-key lookup per request.
   */
  async current(userId: string, credentialsVersion: number): Promise<SignedInUser | null> {
    const user = await this.dataSource.manager.findOne(UserEntity, {
      where: { id: userId, credentialsVersion, disabled: false },
    });
    return user ? signedIn(user) : null;
  }

  /** The active user as an actor, for a channel that has identified them by other means (a signed WeCom callback). */
  async active(userId: string): Promise<Actor | null> {
    const user = await this.dataSource.manager.findOneBy(UserEntity, { id: userId, disabled: false });
    if (!user) return null;
    const { credentialsVersion: _version, ...actor } = signedIn(user);
    return actor;
  }
}
