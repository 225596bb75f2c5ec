import { Tag } from 'antd';
import type { TaskSummary } from '../api/views';

const LIGHTS: Record<TaskSummary['colour'], { color: string; text: string }> = {
  green: { color: 'success', text: '绿灯' },
  yellow: { color: 'warning', text: '黄灯' },
  red: { color: 'error', text: '红灯' },
};

export const ROLE_LABELS: Record<TaskSummary['kind'], string> = { lead: '牵头', co: '配合', subtask: '分解' };

const ESCALATIONS = ['', '督办', '挂牌督办'];

/** The status light, with its name in words: a colour alone says nothing to a screen reader. */
export function Light({ colour }: { colour: TaskSummary['colour'] }) {
  const light = LIGHTS[colour];
  return (
    <Tag color={light.color} variant="solid" data-light={colour}>
      ● {light.text}
    </Tag>
  );
}

export function Escalation({ level }: { level: number }) {
  const label = ESCALATIONS[Math.min(level, 2)];
  return label ? <Tag color={level >= 2 ? 'magenta' : 'orange'}>{label}</Tag> : null;
}
