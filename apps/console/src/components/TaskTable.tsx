import { Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { Link } from 'react-router';
import type { TaskSummary } from '../api/views';
import { chineseDate, workingDaysText } from '../format';
import { TASK_STATE_LABELS } from '../labels';
import { Escalation, Light, ROLE_LABELS } from './TaskSignals';

/** A task list's columns (待办, 督办台's lists): measure, unit, role, deadline, working days, light, level, state. */
export const TASK_COLUMNS: ColumnsType<TaskSummary> = [
  {
    title: '措施',
    key: 'measure',
    render: (_, task) => (
      <Link to={`/tasks/${task.id}`}>
        {task.measure.path} {task.measureTitle}
      </Link>
    ),
  },
  { title: '承办单位', key: 'unit', width: 150, render: (_, task) => task.unitName },
  { title: '角色', key: 'role', width: 64, render: (_, task) => ROLE_LABELS[task.role] },
  { title: '期限', key: 'deadline', width: 130, render: (_, task) => chineseDate(task.deadline) },
  {
    title: '工作日',
    key: 'workingDaysLeft',
    width: 130,
    render: (_, task) =>
      task.workingDaysLeft < 0 ? (
        <Typography.Text type="danger">{workingDaysText(task.workingDaysLeft)}</Typography.Text>
      ) : (
        workingDaysText(task.workingDaysLeft)
      ),
  },
  { title: '状态灯', key: 'light', width: 80, render: (_, task) => <Light colour={task.light} /> },
  { title: '督办', key: 'escalation', width: 96, render: (_, task) => <Escalation level={task.escalationLevel} /> },
  { title: '状态', key: 'state', width: 100, render: (_, task) => TASK_STATE_LABELS[task.state] },
];
