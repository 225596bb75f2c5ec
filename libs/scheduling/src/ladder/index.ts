/** The reminder and escalation ladder: pure functions of a task, a ladder and a working calendar. */
export { DEFAULT_LADDER } from './ladder-config';
export type { EscalationRule, EscalationTarget, LadderConfig, Recipient, StepKind } from './ladder-config';
export { STATE_POLICY } from './ladder-task';
export type { LadderTask, StatePolicy } from './ladder-task';
export { ackDeadlineFor, deadlineDueDay, nextReportDue, planSteps, stepApplies } from './plan-steps';
export { stepJobId } from './planned-step';
export type { PlannedStep } from './planned-step';
export { resolveLadder } from './resolve-ladder';
export { escalationLevelAt, rollUpColour, statusColour } from './status-colour';
export type { StatusColour } from './status-colour';
