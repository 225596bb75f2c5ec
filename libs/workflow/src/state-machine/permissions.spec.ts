import { decide, TASK_ACTIONS } from './index';
import type { ActorStanding, TaskAction, TaskSnapshot } from './index';
import type { StandingName } from './__fixtures__/standings';
import { snapshot, STANDING_NAMES, STANDINGS } from './__fixtures__/standings';

interface PermissionCase {
  /** A task on which the action is possible and its preconditions are met. */
  task: TaskSnapshot;
  /** Who may; every other standing in STANDINGS is refused. */
  may: StandingName[];
}

const ASSIGNEE_STAFF: StandingName[] = ['assigneeOfficer', 'assigneeLeader'];
const SUPERVISORS: StandingName[] = ['supervisor', 'supervisorByRoleOnly'];
const ADMINS: StandingName[] = ['admin'];

// Written by hand from the rules.
const CASES: Record<TaskAction, PermissionCase> = {
  acknowledge: { task: snapshot('assigned'), may: ASSIGNEE_STAFF },
  start: { task: snapshot('acknowledged'), may: ASSIGNEE_STAFF },
  submit: { task: snapshot('in_progress'), may: ['assigneeLeader'] },
  approve: { task: snapshot('submitted'), may: ['assignerLeader'] },
  return: { task: snapshot('submitted'), may: ['assignerLeader'] },
  object: { task: snapshot('assigned'), may: ASSIGNEE_STAFF },
  confirm_objection: { task: snapshot('objected'), may: SUPERVISORS },
  reassign: { task: snapshot('in_progress'), may: [...SUPERVISORS, ...ADMINS] },
  request_extension: { task: snapshot('in_progress'), may: ASSIGNEE_STAFF },
  approve_extension: {
    task: snapshot('in_progress', { pendingExtension: true }),
    may: ['assignerLeader', ...SUPERVISORS],
  },
  refuse_extension: {
    task: snapshot('in_progress', { pendingExtension: true }),
    may: ['assignerLeader', ...SUPERVISORS],
  },
  cancel: { task: snapshot('acknowledged'), may: ['assignerLeader', ...SUPERVISORS, ...ADMINS] },
  remind: {
    task: snapshot('in_progress'),
    may: ['overseerOfficer', 'overseerLeader', 'assignerOfficer', 'assignerLeader', ...SUPERVISORS],
  },
  report_progress: { task: snapshot('in_progress'), may: ASSIGNEE_STAFF },
  review_progress: { task: snapshot('in_progress'), may: ['assignerLeader', ...SUPERVISORS] },
  split: { task: snapshot('in_progress'), may: ASSIGNEE_STAFF },
};

const ROWS = TASK_ACTIONS.flatMap((action) =>
  STANDING_NAMES.map((name) => [action, name, CASES[action].may.includes(name)] as const),
);

describe('who may take each action', () => {
  test.each(ROWS)('%s by %s: allowed = %s', (action, name, allowed) => {
    const decision = decide(CASES[action].task, action, STANDINGS[name]);
    if (allowed) expect(decision.allowed).toBe(true);
    else expect(decision).toMatchObject({ allowed: false, reason: 'not_permitted', code: 'NOT_PERMITTED' });
  });
});

describe('the supervisor reviews lead tasks only', () => {
  const leadTask = snapshot('submitted', { isLeadTask: true });

  test.each(['approve', 'return'] as const)('%s: supervisor may on a lead task, not on another', (action) => {
    expect(decide(leadTask, action, STANDINGS.supervisor)).toMatchObject({ allowed: true });
    expect(decide(snapshot('submitted'), action, STANDINGS.supervisor)).toMatchObject({ reason: 'not_permitted' });
  });

  test.each(['approve', 'return'] as const)('%s: the assigner leader still may on a lead task', (action) => {
    expect(decide(leadTask, action, STANDINGS.assignerLeader)).toMatchObject({ allowed: true });
    expect(decide(leadTask, action, STANDINGS.assignerOfficer)).toMatchObject({ reason: 'not_permitted' });
  });
});

describe('standing comes from any of the relations', () => {
  test('a leader whose unit both assigned and oversees may approve', () => {
    const actor: ActorStanding = { relations: ['overseer', 'assigner'], roles: ['officer', 'leader'] };
    expect(decide(snapshot('submitted'), 'approve', actor)).toEqual({ allowed: true, to: 'approved' });
  });

  test('the supervisor relation given without the role still counts', () => {
    expect(decide(snapshot('objected'), 'confirm_objection', { relations: ['supervisor'], roles: [] })).toEqual({
      allowed: true,
      to: 'assigned',
    });
  });

  test('an admin may reassign an objected task, but not decide the objection', () => {
    expect(decide(snapshot('objected'), 'reassign', STANDINGS.admin)).toEqual({ allowed: true, to: 'assigned' });
    expect(decide(snapshot('objected'), 'confirm_objection', STANDINGS.admin)).toMatchObject({
      reason: 'not_permitted',
    });
  });
});
