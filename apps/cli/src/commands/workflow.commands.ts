import { randomBytes } from 'node:crypto';
import { passwordProblem, type Role, UserService } from '@app/access';
import { DomainError } from '@app/common';
import { UnitDirectoryStore } from '@app/units';
import { DocumentQueries } from '@app/documents';
import { ChainVerifier, LaunchService } from '@app/workflow';
import { withServices } from '../cli-context';
import { printJson, printLine } from '../output';
import { cliActor } from './documents.commands';

/** The unit the supervision office acts as (督查室). */
const SUPERVISION_OFFICE = 'sx-supervision-office';

/** Re-checks a workflow's hash chain; exits 1 naming the first event that does not fit. */
export async function verifyChainCommand(workflowId: string, options: { json?: boolean }): Promise<void> {
  const result = await withServices((get) => get(ChainVerifier).verify(workflowId));
  if (options.json) printJson(result);
  else if (result.ok) printLine(`流程 ${workflowId}：${result.events} 条事件，哈希链完整`);
  if (!result.ok) {
    throw new DomainError(
      'conflict',
      'CHAIN_BROKEN',
      `流程 ${workflowId} 的第${result.firstBadSeq}条事件（${result.firstBadEventId}）不符：${result.message}`,
    );
  }
}

function generatedPassword(): string {
  for (;;) {
    const candidate = randomBytes(12).toString('base64url');
    if (!passwordProblem(candidate)) return candidate;
  }
}

interface DemoUser {
  username: string;
  unitCode: string;
  roles: Role[];
}

/** Who the demo needs: the supervisor, leadership, an admin, and an officer and a leader for every unit. */
function demoUsers(unitCodes: string[]): DemoUser[] {
  return [
    { username: 'supervisor', unitCode: 'sx-supervision-office', roles: ['supervisor'] },
    { username: 'leadership', unitCode: 'sx-government', roles: ['leadership'] },
    { username: 'admin', unitCode: 'sx-government-office', roles: ['admin'] },
    ...unitCodes.flatMap((unitCode) => [
      { username: `${unitCode}-officer`, unitCode, roles: ['officer'] as Role[] },
      { username: `${unitCode}-leader`, unitCode, roles: ['leader'] as Role[] },
    ]),
  ];
}

/**
 * Creates the demo users that do not exist yet. Passwords come from DEMO_PASSWORD, or are generated
 * and printed once: they are stored only as hashes.
 */
export async function demoUsersCommand(): Promise<void> {
  const shared = process.env.DEMO_PASSWORD;
  if (shared && passwordProblem(shared))
    throw new DomainError('invalid', 'WEAK_PASSWORD', `DEMO_PASSWORD：${passwordProblem(shared)}`, {
      field: 'DEMO_PASSWORD',
    });
  const created = await withServices(async (get) => {
    const units = (await get(UnitDirectoryStore).readData()).units
      .filter((unit) => !unit.successorCode)
      .map((unit) => unit.code);
    const users = get(UserService);
    const made: { username: string; password: string }[] = [];
    for (const user of demoUsers(units)) {
      if (await users.exists(user.username)) continue;
      const password = shared ?? generatedPassword();
      await users.create({ ...user, password });
      made.push({ username: user.username, password });
    }
    return made;
  });
  printLine(
    `演示用户：新建 ${created.length} 个${shared ? '（密码取自 DEMO_PASSWORD）' : created.length ? '（以下密码只显示这一次）' : ''}`,
  );
  if (!shared) for (const user of created) printLine(`  ${user.username}\t${user.password}`);
}

/** 分解下达 from the command line, acting as the supervision office. */
export async function launchCommand(
  document: string,
  options: { measure?: string[]; deadline?: string; by?: string; json?: boolean },
): Promise<void> {
  const outcome = await withServices(async (get) => {
    const queries = get(DocumentQueries);
    const found = await queries.getDocument(document);
    const measureIds = options.measure
      ? await Promise.all(options.measure.map(async (path) => (await queries.findMeasure(found.id, path)).id))
      : undefined;
    const actor = {
      userId: null,
      username: cliActor(options.by),
      unitCode: SUPERVISION_OFFICE,
      roles: ['supervisor' as const],
    };
    return get(LaunchService).launch({ documentId: found.id, measureIds, defaultDeadline: options.deadline, actor });
  });
  if (options.json) return printJson(outcome);
  printLine(
    `已下达 ${outcome.launched.length} 项措施，生成任务 ${outcome.taskCount} 个；签收期限 ${outcome.ackDeadline}`,
  );
  for (const measure of outcome.launched)
    printLine(`  ${measure.path} ${measure.title}  完成时限 ${measure.deadline}  流程 ${measure.workflowId}`);
}
