/**
 * The quarterly 考核 score of a unit, from the same counts the bulletin ranks on (as of the report's moment):
 *
 *   score = (100 − W_onTime) + W_onTime × r
 *           − W_lateAck × tasks acknowledged late
 *           − W_missing × progress reports missing
 *           − W_supervised × tasks escalated to 督办 (level 1)
 *           − W_flagged × tasks escalated to 挂牌督办 (level 2 or more)
 *
 * where r = tasks completed on time ÷ tasks come due (1 when nothing has come due: nothing late yet),
 * clamped to [0, 100] and rounded to one decimal. Cancelled tasks count nowhere. The weights are the
 * ASSESSMENT_WEIGHT_* settings (defaults 60, 2, 3, 5, 10) and are printed with every report.
 */
export interface AssessmentWeights {
  onTime: number;
  lateAcknowledgement: number;
  missingReport: number;
  supervised: number;
  flagged: number;
}

export const DEFAULT_ASSESSMENT_WEIGHTS: AssessmentWeights = Object.freeze({
  onTime: 60,
  lateAcknowledgement: 2,
  missingReport: 3,
  supervised: 5,
  flagged: 10,
});

/** What the score is made of, so a reader can check it by hand. */
export interface UnitAssessment {
  /** r: on-time completions over work come due (1 when nothing came due). */
  onTimeShare: number;
  /** Points earned for on-time completion: (100 − W_onTime) + W_onTime × r. */
  completionPoints: number;
  /** Points deducted, each its count times its weight. */
  deductions: { lateAcknowledgement: number; missingReport: number; supervised: number; flagged: number };
  score: number;
}

export interface AssessedCounts {
  due: number;
  completedOnTime: number;
  lateAcknowledgements: number;
  missingReports: number;
  /** Tasks whose highest escalation by the moment is 督办. */
  supervised: number;
  /** Tasks whose highest escalation by the moment is 挂牌督办. */
  flagged: number;
}

const oneDecimal = (value: number) => Math.round(value * 10) / 10;

export function assessUnit(counts: AssessedCounts, weights: AssessmentWeights): UnitAssessment {
  const onTimeShare = counts.due === 0 ? 1 : counts.completedOnTime / counts.due;
  const completionPoints = 100 - weights.onTime + weights.onTime * onTimeShare;
  const deductions = {
    lateAcknowledgement: counts.lateAcknowledgements * weights.lateAcknowledgement,
    missingReport: counts.missingReports * weights.missingReport,
    supervised: counts.supervised * weights.supervised,
    flagged: counts.flagged * weights.flagged,
  };
  const deducted = Object.values(deductions).reduce((sum, points) => sum + points, 0);
  return {
    onTimeShare: Math.round(onTimeShare * 10000) / 10000,
    completionPoints: oneDecimal(completionPoints),
    deductions,
    score: oneDecimal(Math.min(100, Math.max(0, completionPoints - deducted))),
  };
}
