import type { TaskCommandAction } from '@app/workflow';

/** The actions POST /tasks/:id/actions/:action accepts. */
export const COMMAND_ACTIONS: TaskCommandAction[] = [
  'acknowledge',
  'start',
  'submit',
  'approve',
  'return',
  'object',
  'confirm_objection',
  'reassign',
  'request_extension',
  'approve_extension',
  'refuse_extension',
  'cancel',
  'remind',
];
