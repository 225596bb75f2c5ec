import { decide, TASK_ACTIONS, TRANSITIONS } from './index';
import type { ActorStanding, TaskAction } from './index';
import { everySnapshot, everyStanding, snapshot, STANDINGS } from './__fixtures__/standings';
import { TASK_STATES, type TaskState } from '@app/common';

// Written by hand from the rules (not derived from TRANSITIONS): where each action leads from each
// state. An action missing from a state's row is not possible from that state.
const EXPECTED: Record<TaskState, Partial<Record<TaskAction, TaskState>>> = {
  assigned: {
    acknowledge: 'acknowledged',
    object: 'objected',
    reassign: 'assigned',
    request_extension: 'assigned',
    approve_extension: 'assigned',
    refuse_extension: 'assigned',
    cancel: 'cancelled',
    remind: 'assigned',
  },
  acknowledged: {
    start: 'in_progress',
    object: 'objected',
    reassign: 'acknowledged',
    request_extension: 'acknowledged',
    approve_extension: 'acknowledged',
    refuse_extension: 'acknowledged',
    cancel: 'cancelled',
    remind: 'acknowledged',
    report_progress: 'in_progress',
    split: 'acknowledged',
  },
  in_progress: {
    submit: 'submitted',
    reassign: 'in_progress',
    request_extension: 'in_progress',
    approve_extension: 'in_progress',
    refuse_extension: 'in_progress',
    cancel: 'cancelled',
    remind: 'in_progress',
    report_progress: 'in_progress',
    review_progress: 'in_progress',
    split: 'in_progress',
  },
  submitted: {
    approve: 'approved',
    return: 'in_progress',
    reassign: 'submitted',
    approve_extension: 'submitted',
    refuse_extension: 'submitted',
    cancel: 'cancelled',
    remind: 'submitted',
    review_progress: 'submitted',
  },
  objected: {
    confirm_objection: 'assigned',
    reassign: 'assigned',
    approve_extension: 'objected',
    refuse_extension: 'objected',
    cancel: 'cancelled',
    remind: 'objected',
  },
  approved: {},
  cancelled: {},
};

// One permitted actor per action, chosen by hand.
const PERMITTED: Record<TaskAction, ActorStanding> = {
  acknowledge: STANDINGS.assigneeOfficer,
  start: STANDINGS.assigneeOfficer,
  submit: STANDINGS.assigneeLeader,
  approve: STANDINGS.assignerLeader,
  return: STANDINGS.assignerLeader,
  object: STANDINGS.assigneeOfficer,
  confirm_objection: STANDINGS.supervisor,
  reassign: STANDINGS.admin,
  request_extension: STANDINGS.assigneeOfficer,
  approve_extension: STANDINGS.assignerLeader,
  refuse_extension: STANDINGS.supervisor,
  cancel: STANDINGS.assignerLeader,
  remind: STANDINGS.overseerOfficer,
  report_progress: STANDINGS.assigneeOfficer,
  review_progress: STANDINGS.supervisor,
  split: STANDINGS.assigneeOfficer,
};

const PAIRS = TASK_STATES.flatMap((state) =>
  TASK_ACTIONS.map((action) => [state, action, EXPECTED[state][action] ?? 'invalid'] as const),
);

describe('every (state, action) pair, for a permitted actor with preconditions met', () => {
  test.each(PAIRS)('%s + %s → %s', (state, action, expected) => {
    const pendingExtension = action === 'approve_extension' || action === 'refuse_extension';
    const decision = decide(snapshot(state, { pendingExtension }), action, PERMITTED[action]);
    if (expected === 'invalid') {
      expect(decision).toMatchObject({ allowed: false, reason: 'invalid_transition', code: 'INVALID_TRANSITION' });
    } else {
      expect(decision).toEqual({ allowed: true, to: expected });
    }
  });
});

describe('the matrix holds whoever asks and whatever the task', () => {
  const standings = everyStanding();

  test.each(TASK_STATES)(
    'from %s, an impossible move is invalid for everyone; a possible one lands as expected',
    (state) => {
      const mismatches: string[] = [];
      for (const task of everySnapshot(state)) {
        for (const action of TASK_ACTIONS) {
          const expected = EXPECTED[state][action];
          for (const actor of standings) {
            const decision = decide(task, action, actor);
            const fits =
              expected === undefined
                ? !decision.allowed && decision.reason === 'invalid_transition'
                : decision.allowed
                  ? decision.to === expected
                  : decision.reason !== 'invalid_transition';
            if (!fits) mismatches.push(`${action} ${JSON.stringify(task)} ${JSON.stringify(actor)}`);
          }
        }
      }
      expect(mismatches.slice(0, 5)).toEqual([]);
    },
  );
});

describe('the table', () => {
  test('has at most one rule per (action, state)', () => {
    const seen = new Set<string>();
    for (const rule of TRANSITIONS) {
      for (const state of rule.from) {
        const key = `${rule.action}@${state}`;
        expect(seen.has(key)).toBe(false);
        seen.add(key);
      }
    }
  });

  test('every rule names someone who may take it on any task', () => {
    for (const rule of TRANSITIONS) expect(rule.who.some((grant) => !grant.leadTaskOnly)).toBe(true);
  });
});
