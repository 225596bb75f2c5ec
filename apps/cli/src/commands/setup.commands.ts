import { join } from 'node:path';
import { UserService, type Role } from '@app/access';
import { DomainError, loadConfig, repositoryRoot } from '@app/common';
import { migrate } from '@app/persistence';
import { readUnitDirectoryData, UnitDirectoryStore } from '@app/units';
import { withServices } from '../cli-context';
import { printLine } from '../output';

export async function migrateCommand(): Promise<void> {
  const applied = await migrate(loadConfig().DATABASE_URL);
  printLine(applied.length > 0 ? `已执行迁移：${applied.join('、')}` : '数据库结构已是最新');
}

export async function loadUnitsCommand(options: { file?: string }): Promise<void> {
  const data = readUnitDirectoryData(options.file ?? join(repositoryRoot(), 'seeds', 'units.json'));
  const report = await withServices((get) => get(UnitDirectoryStore).upsert(data));
  printLine(
    `单位名录：新增${report.inserted}个、更新${report.updated}个、未变${report.unchanged}个；分组与占位名称${report.rules}条`,
  );
}

export async function createUserCommand(options: {
  username: string;
  unit: string;
  role: string[];
  name?: string;
  passwordEnv?: string;
}): Promise<void> {
  const password = process.env[options.passwordEnv ?? 'NEW_USER_PASSWORD'];
  if (!password) {
    throw new DomainError(
      'invalid',
      'PASSWORD_MISSING',
      `请通过环境变量 ${options.passwordEnv ?? 'NEW_USER_PASSWORD'} 提供密码（不在命令行中明文传递）`,
      { field: 'password' },
    );
  }
  const user = await withServices((get) =>
    get(UserService).create({
      username: options.username,
      displayName: options.name,
      unitCode: options.unit,
      roles: options.role as Role[],
      password,
    }),
  );
  printLine(`已创建用户 ${user.username}（${user.unitCode}，${user.roles.join('、')}）`);
}

export function describeDatabase(): string {
  const url = new URL(loadConfig().DATABASE_URL);
  return `${url.hostname}:${url.port || 5432}${url.pathname}`;
}
