import { checkJobHandlers } from './job-processor';
import { jobNamesOf, type QueueName } from './queue-registry';

/** The steps queue's wake-up and delivery jobs, handled in every case below. */
const WAKE_JOBS = ['steps.wake', 'steps.deliver'];

describe('checkJobHandlers', () => {
  const steps = (handled: string[]) => ({ queue: 'steps' as QueueName, handled: [...handled, ...WAKE_JOBS] });

  it('accepts every job of each queue handled once', () => {
    expect(() =>
      checkJobHandlers(
        [
          steps(['step.deliver', 'steps.reconcile']),
          { queue: 'reports', handled: ['report.generate', 'reports.schedule'] },
        ],
        jobNamesOf,
      ),
    ).not.toThrow();
  });

  it('accepts a process without processors', () => {
    expect(() => checkJobHandlers([], jobNamesOf)).not.toThrow();
  });

  it.each([
    ['a job without a handler', [steps(['step.deliver'])], /steps.reconcile of queue steps has 0 handlers/],
    [
      'a job handled by two processors',
      [steps(['step.deliver', 'steps.reconcile']), { queue: 'steps' as QueueName, handled: ['step.deliver'] }],
      /step.deliver of queue steps has 2 handlers/,
    ],
    [
      'a handler for a job of another queue',
      [steps(['step.deliver', 'steps.reconcile', 'notice.webhook'])],
      /queue steps handles notice.webhook, not a job of it/,
    ],
    [
      'a handler for a job the registry does not know',
      [steps(['step.deliver', 'steps.reconcile', 'step.sing'])],
      /queue steps handles step.sing/,
    ],
  ])('refuses %s', (_, processors, message) => {
    expect(() => checkJobHandlers(processors, jobNamesOf)).toThrow(message);
  });
});
