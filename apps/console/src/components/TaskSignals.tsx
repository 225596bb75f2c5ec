import { Tag } from 'antd';
import type { TaskSummary } from '../api/views';

const LIGHTS: Record<TaskSummary['colour'], { color: string; text: string }> = {
  green: { color: '#52c41a', text: '绿灯' },
  yellow: { color: '#faad14', text: '黄灯' },
  red: { color: '#f5222d', text: '红灯' },
};

export const ROLE_LABELS: Record<TaskSummary['kind'], string> = { lead: '牵头', co: '配合', subtask: '分解' };

/** Dark text on a pale ground: readable at WCAG AA contrast, unlike antd's preset tag colours. */
const ESCALATIONS = [
  null,
  { text: '督办', style: { color: '#873800', background: '#fff7e6', borderColor: '#ffd591' } },
  { text: '挂牌督办', style: { color: '#820014', background: '#fff1f0', borderColor: '#ffa39e' } },
];

/** The status light, with its name in words: a colour alone says nothing to a screen reader. */
export function Light({ colour }: { colour: TaskSummary['colour'] }) {
  const light = LIGHTS[colour];
  return (
    <span data-light={colour} style={{ whiteSpace: 'nowrap' }}>
      <span
        aria-hidden
        style={{
          display: 'inline-block',
          width: 10,
          height: 10,
          borderRadius: 5,
          marginRight: 4,
          background: light.color,
        }}
      />
      {light.text}
    </span>
  );
}

export function Escalation({ level }: { level: number }) {
  const escalation = ESCALATIONS[Math.min(level, 2)];
  return escalation ? <Tag style={escalation.style}>{escalation.text}</Tag> : null;
}
