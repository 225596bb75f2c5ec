import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { Clock, DomainError } from '@app/common';
import { addressCsvRowsOrThrow, type AddressRowProblem, parseAddressCsv } from './address-csv';
import { MobileCipher } from './mobile-cipher';
import { type AddressInput, type CheckedAddresses, checkAddresses, maskMobile } from './person-address-rules';

/** A person's addresses as the API shows them: the mobile masked, never whole. */
export interface PersonAddressView {
  userId: string;
  username: string;
  dingtalkUserId: string | null;
  wecomUserId: string | null;
  mobile: string | null;
  updatedAt: Date | null;
}

interface Owner {
  user_id: string;
  dingtalk_user_id: string | null;
  wecom_user_id: string | null;
}

/** One person's addresses to write, with the CSV line it came from (0 for the API). */
interface AddressWrite {
  line: number;
  userId: string;
  addresses: Partial<CheckedAddresses>;
}

const TAKEN = {
  dingtalkUserId: ['DINGTALK_USERID_TAKEN', '该钉钉 userid 已属于另一用户'],
  wecomUserId: ['WECOM_USERID_TAKEN', '该企业微信 userid 已属于另一用户'],
} as const;

/** People's DingTalk and WeCom userids and mobile numbers: set one by one or imported from a CSV, all or nothing. */
@Injectable()
export class PersonAddressService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly cipher: MobileCipher,
  ) {}

  async get(userId: string): Promise<PersonAddressView> {
    const [view] = await this.views(this.dataSource.manager, [userId]);
    if (!view) throw new DomainError('not_found', 'USER_NOT_FOUND', '用户不存在', { field: 'id' });
    return view;
  }

  /** Sets the addresses given (null or '' clears one, an absent one is kept). */
  async set(userId: string, input: AddressInput): Promise<PersonAddressView> {
    const addresses = checkAddresses(input);
    return this.dataSource.transaction(async (manager) => {
      await this.get(userId);
      const [problem] = await this.takenProblems(manager, [{ line: 0, userId, addresses }]);
      if (problem) throw new DomainError('conflict', problem.code, problem.message, { field: problem.field });
      await this.write(manager, [{ line: 0, userId, addresses }]);
      return (await this.views(manager, [userId]))[0];
    });
  }

  /** Imports every row or none: a 400 names each bad row by its line. Returns how many people were set. */
  async importCsv(csv: string): Promise<{ imported: number }> {
    const parsed = parseAddressCsv(csv);
    return this.dataSource.transaction(async (manager) => {
      const ids = await this.userIds(
        manager,
        parsed.rows.map((row) => row.username),
      );
      const unknown = parsed.rows.filter((row) => !ids.has(row.username));
      const writes = parsed.rows
        .filter((row) => ids.has(row.username))
        .map((row) => ({ line: row.line, userId: ids.get(row.username) ?? '', addresses: row.addresses }));
      const problems: AddressRowProblem[] = [
        ...parsed.problems,
        ...unknown.map((row) => ({
          line: row.line,
          field: 'username',
          code: 'UNKNOWN_USER',
          message: `用户 ${row.username} 不存在`,
        })),
        ...repeatedInFile(writes),
        ...(await this.takenProblems(manager, writes)),
      ];
      addressCsvRowsOrThrow({ rows: parsed.rows, problems });
      await this.write(manager, writes);
      return { imported: writes.length };
    });
  }

  private async userIds(manager: EntityManager, usernames: string[]): Promise<Map<string, string>> {
    const rows: { id: string; username: string }[] = await manager.query(
      'SELECT id, username FROM users WHERE username = ANY($1)',
      [usernames],
    );
    return new Map(rows.map((row) => [row.username, row.id]));
  }

  /** Userids already held by someone outside `writes` (whose own are being replaced). */
  private async takenProblems(manager: EntityManager, writes: AddressWrite[]): Promise<AddressRowProblem[]> {
    const owners: Owner[] = await manager.query(
      `SELECT user_id, dingtalk_user_id, wecom_user_id FROM user_channel_addresses
       WHERE (dingtalk_user_id = ANY($1) OR wecom_user_id = ANY($2)) AND NOT user_id = ANY($3::uuid[])`,
      [
        writes.map((write) => write.addresses.dingtalkUserId).filter(Boolean),
        writes.map((write) => write.addresses.wecomUserId).filter(Boolean),
        writes.map((write) => write.userId),
      ],
    );
    return writes.flatMap((write) =>
      (['dingtalkUserId', 'wecomUserId'] as const).flatMap((field) => {
        const value = write.addresses[field];
        const column = field === 'dingtalkUserId' ? 'dingtalk_user_id' : 'wecom_user_id';
        if (!value || !owners.some((owner) => owner[column] === value)) return [];
        return [{ line: write.line, field, code: TAKEN[field][0], message: TAKEN[field][1] }];
      }),
    );
  }

  /** Writes in two passes, so userids moving between people in one import never meet the unique index. */
  private async write(manager: EntityManager, writes: AddressWrite[]): Promise<void> {
    const now = this.clock.now();
    for (const write of writes)
      await manager.query(
        `INSERT INTO user_channel_addresses (user_id, updated_at) VALUES ($1, $2)
         ON CONFLICT (user_id) DO UPDATE SET
           dingtalk_user_id = CASE WHEN $3 THEN NULL ELSE user_channel_addresses.dingtalk_user_id END,
           wecom_user_id = CASE WHEN $4 THEN NULL ELSE user_channel_addresses.wecom_user_id END`,
        [write.userId, now, write.addresses.dingtalkUserId !== undefined, write.addresses.wecomUserId !== undefined],
      );
    for (const write of writes) await this.writeOne(manager, write.userId, write.addresses, now);
  }

  private async writeOne(
    manager: EntityManager,
    userId: string,
    addresses: Partial<CheckedAddresses>,
    now: Date,
  ): Promise<void> {
    const { mobile } = addresses;
    const sealed = mobile ? this.cipher.encrypt(mobile) : null;
    await manager.query(
      `UPDATE user_channel_addresses SET
         dingtalk_user_id = CASE WHEN $2 THEN $3 ELSE dingtalk_user_id END,
         wecom_user_id = CASE WHEN $4 THEN $5 ELSE wecom_user_id END,
         mobile_sealed = CASE WHEN $6 THEN $7 ELSE mobile_sealed END,
         mobile_masked = CASE WHEN $6 THEN $8 ELSE mobile_masked END,
         updated_at = $9
       WHERE user_id = $1`,
      [
        userId,
        addresses.dingtalkUserId !== undefined,
        addresses.dingtalkUserId ?? null,
        addresses.wecomUserId !== undefined,
        addresses.wecomUserId ?? null,
        mobile !== undefined,
        sealed,
        mobile ? maskMobile(mobile) : null,
        now,
      ],
    );
  }

  private views(manager: EntityManager, userIds: string[]): Promise<PersonAddressView[]> {
    return manager.query(
      `SELECT u.id AS "userId", u.username, a.dingtalk_user_id AS "dingtalkUserId", a.wecom_user_id AS "wecomUserId",
              a.mobile_masked AS mobile, a.updated_at AS "updatedAt"
       FROM users u LEFT JOIN user_channel_addresses a ON a.user_id = u.id WHERE u.id = ANY($1::uuid[])`,
      [userIds],
    );
  }
}

/** Two rows of one file giving the same userid to different people. */
function repeatedInFile(writes: AddressWrite[]): AddressRowProblem[] {
  return (['dingtalkUserId', 'wecomUserId'] as const).flatMap((field) => {
    const first = new Map<string, number>();
    return writes.flatMap((write) => {
      const value = write.addresses[field];
      if (!value) return [];
      const earlier = first.get(value);
      if (earlier === undefined) return (first.set(value, write.line), []);
      return [{ line: write.line, field, code: TAKEN[field][0], message: `${TAKEN[field][1]}（第 ${earlier} 行）` }];
    });
  });
}
