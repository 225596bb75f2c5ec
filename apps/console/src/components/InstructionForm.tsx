import { Button, Form, Input } from 'antd';
import { api, answer } from '../api/client';
import type { TaskDetail } from '../api/views';
import { useTaskMutation } from './ActionForms';

interface InstructionValues {
  text: string;
}

/** 领导批示 (leadership and the supervisor): an event in the task's chain and a notice to the units holding it. */
export function InstructionForm({ task }: { task: TaskDetail }) {
  const [form] = Form.useForm<InstructionValues>();
  const send = useTaskMutation(
    task,
    async (values: InstructionValues) => {
      await answer(api.POST('/tasks/{id}/instructions', { params: { path: { id: task.id } }, body: values }));
    },
    form,
  );
  return (
    <Form<InstructionValues>
      form={form}
      layout="vertical"
      onFinish={(values) => send.mutate(values, { onSuccess: () => form.resetFields() })}
    >
      <Form.Item label="批示内容" name="text" rules={[{ required: true, whitespace: true, message: '请填写批示内容' }]}>
        <Input.TextArea rows={3} maxLength={2000} showCount />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={send.isPending}>
        提交批示
      </Button>
    </Form>
  );
}
