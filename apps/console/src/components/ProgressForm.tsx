import { Button, Form, Input, InputNumber, Upload, type UploadFile } from 'antd';
import dayjs from 'dayjs';
import { api, answer } from '../api/client';
import type { TaskDetail } from '../api/views';
import { useTaskMutation } from './ActionForms';

/** The engine refuses larger files (ATTACHMENT_MAX_BYTES, 20 MB by default): said before the upload starts. */
const MAX_BYTES = 20 * 1024 * 1024;
const ACCEPTED = '.pdf,.png,.jpg,.jpeg,.gif,.docx,.xlsx,.pptx,.doc,.xls,.txt';

interface ProgressValues {
  quarter: string;
  text: string;
  percentDone: number;
  evidence?: UploadFile[];
}

/** The quarter that ended last: the engine takes a report only for a quarter that is over. */
function lastQuarter(): string {
  const day = dayjs().subtract(3, 'month');
  return `${day.year()}Q${Math.floor(day.month() / 3) + 1}`;
}

/** 进展报送: the quarter's text and percentage, with evidence files uploaded to the task first. */
export function ProgressForm({ task, onDone }: { task: TaskDetail; onDone: () => void }) {
  const [form] = Form.useForm<ProgressValues>();
  const send = useTaskMutation(
    task,
    async ({ evidence = [], ...report }: ProgressValues) => {
      // The report first: the engine checks the quarter and figures, and a refused report uploads nothing.
      await answer(api.POST('/tasks/{id}/progress-reports', { params: { path: { id: task.id } }, body: report }));
      for (const file of evidence) {
        const data = new FormData();
        data.append('purpose', 'progress');
        data.append('file', file.originFileObj as Blob, file.name);
        await answer(
          api.POST('/tasks/{id}/attachments', {
            params: { path: { id: task.id } },
            // The document still types the upload's `file` as a string: the serializer sends the bytes.
            body: { purpose: 'progress', file: file.name },
            bodySerializer: () => data,
          }),
        );
      }
    },
    form,
  );
  return (
    <Form<ProgressValues>
      form={form}
      layout="vertical"
      initialValues={{ quarter: lastQuarter(), percentDone: 0 }}
      onFinish={(values) => send.mutate(values, { onSuccess: onDone })}
    >
      <Form.Item
        label="季度"
        name="quarter"
        rules={[{ required: true, pattern: /^\d{4}Q[1-4]$/, message: '季度格式须为 2026Q4 这样的形式' }]}
      >
        <Input style={{ width: 160 }} />
      </Form.Item>
      <Form.Item
        label="本季度进展"
        name="text"
        rules={[{ required: true, whitespace: true, message: '请填写进展情况' }]}
      >
        <Input.TextArea rows={4} maxLength={10000} />
      </Form.Item>
      <Form.Item label="完成进度（%）" name="percentDone" rules={[{ required: true, message: '请填写完成进度' }]}>
        <InputNumber min={0} max={100} precision={0} />
      </Form.Item>
      <Form.Item
        label="佐证材料"
        name="evidence"
        valuePropName="fileList"
        getValueFromEvent={(event: { fileList: UploadFile[] }) => event.fileList}
        rules={[
          {
            validator: async (_, files: UploadFile[] = []) => {
              const large = files.find((file) => (file.size ?? 0) > MAX_BYTES);
              if (large) throw new Error(`文件「${large.name}」超过 20 MB，无法上传`);
            },
          },
        ]}
      >
        <Upload.Dragger multiple accept={ACCEPTED} beforeUpload={() => false}>
          <p>将文件拖到此处，或点击选择文件</p>
          <p>PDF、图片、Word、Excel 或文本，每个不超过 20 MB</p>
        </Upload.Dragger>
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={send.isPending}>
        报送进展
      </Button>
    </Form>
  );
}
