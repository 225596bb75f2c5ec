import { allowedActions, decide, TASK_ACTIONS } from './index';
import { everySnapshot, everyStanding, snapshot, STANDING_NAMES, STANDINGS } from './__fixtures__/standings';
import { OPEN_STATES, TASK_STATE_LABELS, TASK_STATES } from '@app/common';

const { assigneeOfficer, assigneeLeader, assignerLeader, supervisor, noneLeader } = STANDINGS;

describe('preconditions', () => {
  test('a task with open subtasks cannot be submitted', () => {
    expect(decide(snapshot('in_progress', { openSubtasks: 2 }), 'submit', assigneeLeader)).toEqual({
      allowed: false,
      reason: 'precondition',
      code: 'SUBTASKS_OPEN',
      message: '当前状态为“办理中”，尚有2项子任务未审核通过，不能报送办结',
    });
    expect(decide(snapshot('in_progress', { openSubtasks: 0 }), 'submit', assigneeLeader)).toEqual({
      allowed: true,
      to: 'submitted',
    });
  });

  test('a second extension cannot be requested while one is pending', () => {
    expect(decide(snapshot('acknowledged', { pendingExtension: true }), 'request_extension', assigneeOfficer)).toEqual({
      allowed: false,
      reason: 'precondition',
      code: 'EXTENSION_PENDING',
      message: '当前状态为“已签收”，已有延期申请待审批，不能申请延期',
    });
  });

  test.each(['approve_extension', 'refuse_extension'] as const)('%s needs a pending request', (action) => {
    expect(decide(snapshot('in_progress'), action, assignerLeader)).toMatchObject({
      reason: 'precondition',
      code: 'NO_EXTENSION_PENDING',
    });
    expect(decide(snapshot('submitted', { pendingExtension: true }), action, supervisor)).toEqual({
      allowed: true,
      to: 'submitted',
    });
  });
});

describe('order of checks: state, then standing, then preconditions', () => {
  test('an impossible move is invalid even for someone not permitted and with preconditions unmet', () => {
    const task = snapshot('submitted', { openSubtasks: 3, pendingExtension: true });
    expect(decide(task, 'submit', noneLeader)).toMatchObject({ reason: 'invalid_transition' });
    expect(decide(task, 'request_extension', noneLeader)).toMatchObject({ reason: 'invalid_transition' });
  });

  test('standing is checked before preconditions', () => {
    const task = snapshot('in_progress', { openSubtasks: 3, pendingExtension: true });
    expect(decide(task, 'submit', assigneeOfficer)).toMatchObject({ reason: 'not_permitted' });
    expect(decide(task, 'request_extension', noneLeader)).toMatchObject({ reason: 'not_permitted' });
    expect(decide(snapshot('in_progress'), 'approve_extension', assigneeLeader)).toMatchObject({
      reason: 'not_permitted',
    });
  });
});

describe('messages', () => {
  test('an invalid move names the current state and the action', () => {
    expect(decide(snapshot('submitted'), 'acknowledge', assigneeOfficer)).toEqual({
      allowed: false,
      reason: 'invalid_transition',
      code: 'INVALID_TRANSITION',
      message: '当前状态为“已报送办结”，不能执行“签收”',
    });
  });

  test('a refusal names who may, and the current state', () => {
    expect(decide(snapshot('assigned'), 'acknowledge', noneLeader)).toMatchObject({
      message: '只有承办单位可以签收（当前状态为“已分派”）',
    });
    expect(decide(snapshot('in_progress'), 'submit', assigneeOfficer)).toMatchObject({
      message: '只有承办单位负责人可以报送办结（当前状态为“办理中”）',
    });
    expect(decide(snapshot('acknowledged'), 'cancel', assigneeLeader)).toMatchObject({
      message: '只有交办单位负责人、督查室或系统管理员可以撤销（当前状态为“已签收”）',
    });
  });

  test('the supervisor is named as a reviewer of lead tasks only', () => {
    expect(decide(snapshot('submitted'), 'approve', noneLeader)).toMatchObject({
      message: '只有交办单位负责人可以审核通过（当前状态为“已报送办结”）',
    });
    expect(decide(snapshot('submitted', { isLeadTask: true }), 'approve', noneLeader)).toMatchObject({
      message: '只有交办单位负责人或督查室可以审核通过（当前状态为“已报送办结”）',
    });
  });

  test('every refusal, in every state, names the current state in Chinese', () => {
    const missing: string[] = [];
    for (const state of TASK_STATES) {
      for (const task of everySnapshot(state)) {
        for (const action of TASK_ACTIONS) {
          for (const name of STANDING_NAMES) {
            const decision = decide(task, action, STANDINGS[name]);
            const label = `当前状态为“${TASK_STATE_LABELS[state]}”`;
            if (!decision.allowed && !decision.message.includes(label)) missing.push(`${state} ${action} ${name}`);
          }
        }
      }
    }
    expect(missing).toEqual([]);
  });
});

describe('allowedActions', () => {
  test('what an assignee officer is offered on an acknowledged task', () => {
    expect(allowedActions(snapshot('acknowledged'), assigneeOfficer)).toEqual([
      'start',
      'object',
      'request_extension',
      'report_progress',
      'split',
    ]);
  });

  test('what the assigner leader is offered on a submitted task with a pending extension', () => {
    expect(allowedActions(snapshot('submitted', { pendingExtension: true }), assignerLeader)).toEqual([
      'approve',
      'return',
      'approve_extension',
      'refuse_extension',
      'cancel',
      'remind',
      'review_progress',
    ]);
  });

  test('what the supervisor is offered on an objected task', () => {
    expect(allowedActions(snapshot('objected'), supervisor)).toEqual([
      'confirm_objection',
      'reassign',
      'cancel',
      'remind',
    ]);
  });

  test('finished tasks offer nothing to anyone', () => {
    const standings = everyStanding();
    for (const state of ['approved', 'cancelled'] as const) {
      for (const task of everySnapshot(state)) {
        expect(standings.filter((actor) => allowedActions(task, actor).length > 0)).toEqual([]);
      }
    }
  });

  // Written by hand from the rules in the README (who may do what), not from the code: a plain co task
  // (no pending extension, no open subtasks), in every state, for each kind of standing.
  const OFFERED: Record<string, Partial<Record<keyof typeof STANDINGS, string[]>>> = {
    assigned: {
      assigneeOfficer: ['acknowledge', 'object', 'request_extension'],
      assigneeLeader: ['acknowledge', 'object', 'request_extension'],
      assignerOfficer: ['remind'],
      assignerLeader: ['cancel', 'remind'],
      overseerOfficer: ['remind'],
      supervisor: ['reassign', 'cancel', 'remind'],
      admin: ['reassign', 'cancel'],
    },
    acknowledged: {
      assigneeOfficer: ['start', 'object', 'request_extension', 'report_progress', 'split'],
      assigneeLeader: ['start', 'object', 'request_extension', 'report_progress', 'split'],
      assignerOfficer: ['remind'],
      assignerLeader: ['cancel', 'remind'],
      supervisor: ['reassign', 'cancel', 'remind'],
      admin: ['reassign', 'cancel'],
    },
    in_progress: {
      assigneeOfficer: ['request_extension', 'report_progress', 'split'],
      assigneeLeader: ['submit', 'request_extension', 'report_progress', 'split'],
      assignerOfficer: ['remind'],
      assignerLeader: ['cancel', 'remind', 'review_progress'],
      supervisor: ['reassign', 'cancel', 'remind', 'review_progress'],
      admin: ['reassign', 'cancel'],
    },
    submitted: {
      assigneeOfficer: [],
      assigneeLeader: [],
      assignerOfficer: ['remind'],
      assignerLeader: ['approve', 'return', 'cancel', 'remind', 'review_progress'],
      supervisor: ['reassign', 'cancel', 'remind', 'review_progress'],
      admin: ['reassign', 'cancel'],
    },
    objected: {
      assigneeOfficer: [],
      assigneeLeader: [],
      assignerOfficer: ['remind'],
      assignerLeader: ['cancel', 'remind'],
      supervisor: ['confirm_objection', 'reassign', 'cancel', 'remind'],
      admin: ['reassign', 'cancel'],
    },
  };

  test.each(Object.keys(OFFERED))('what each standing is offered on a plain %s task', (state) => {
    const task = snapshot(state as keyof typeof TASK_STATE_LABELS);
    const offered = Object.fromEntries(
      Object.keys(OFFERED[state]).map((name) => [
        name,
        allowedActions(task, STANDINGS[name as keyof typeof STANDINGS]),
      ]),
    );
    expect(offered).toEqual(OFFERED[state]);
  });

  test('the supervisor reviews a submitted lead task; a pending extension is decided by the assigner or the supervisor', () => {
    expect(allowedActions(snapshot('submitted', { isLeadTask: true }), supervisor)).toEqual([
      'approve',
      'return',
      'reassign',
      'cancel',
      'remind',
      'review_progress',
    ]);
    expect(allowedActions(snapshot('in_progress', { pendingExtension: true }), assignerLeader)).toEqual([
      'approve_extension',
      'refuse_extension',
      'cancel',
      'remind',
      'review_progress',
    ]);
    expect(allowedActions(snapshot('in_progress', { pendingExtension: true }), assigneeOfficer)).toEqual([
      'report_progress',
      'split',
    ]);
  });

  test('someone with no standing and no overseeing role is offered nothing on open tasks', () => {
    for (const state of OPEN_STATES) {
      for (const name of ['noneLeader', 'leadership'] as const) {
        expect(allowedActions(snapshot(state, { pendingExtension: true }), STANDINGS[name])).toEqual([]);
      }
    }
  });
});
