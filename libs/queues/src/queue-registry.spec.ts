import { JOB_QUEUE, jobId, jobNamesOf, QUEUES } from './queue-registry';

describe('the queue registry', () => {
  it('puts every job on one queue of the registry', () => {
    expect(Object.values(QUEUES).flatMap(jobNamesOf).sort()).toEqual(Object.keys(JOB_QUEUE).sort());
  });

  it.each([
    ['step.deliver', { taskId: '7f1c', key: 'escalation.L1', deadlineVersion: 2 }, '7f1c:escalation.L1:v2'],
    ['steps.wake', { at: new Date('2027-01-18T00:30:00Z') }, 'steps-wake-1800232200000'],
    ['steps.deliver', { at: new Date('2027-01-18T00:30:00Z'), part: 3 }, 'steps-deliver-1800232200000-p3'],
    ['notice.webhook', { noticeId: 'n1' }, 'webhook-n1'],
    ['report.generate', { reportId: 'r1', attempts: 3 }, 'report:r1:a3'],
  ] as const)('builds the id of %s from its identity', (name, identity, expected) => {
    expect(jobId(name, identity as never)).toBe(expected);
  });
});
