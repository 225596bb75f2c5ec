import { DataSource } from 'typeorm';
import { startTestApi, TestApi } from '../support/api';

describe("a document's own reminder ladder", () => {
  let api: TestApi;
  let tokens: Record<string, string>;
  let documentId: string;

  const put = (user: string, body: object) =>
    api.http.put(`/documents/${documentId}/ladder`).set('Authorization', `Bearer ${tokens[user]}`).send(body);
  const reminderKeys = async () =>
    (
      (await api.app
        .get(DataSource)
        .query(
          `SELECT step_key FROM scheduled_steps WHERE kind = 'deadline_reminder' AND state = 'pending' ORDER BY due_at`,
        )) as { step_key: string }[]
    ).map((step) => step.step_key);

  beforeAll(async () => {
    api = await startTestApi(new Date('2026-11-23T02:00:00Z'));
    tokens = await api.createUsers([
      ['supervisor', 'sx-supervision-office', 'supervisor'],
      ['sport-officer', 'sx-sport', 'officer'],
    ]);
    ({ documentId } = await api.launchSeedMeasure('二.(三).2', '2027-03-31', tokens.supervisor));
  });

  afterAll(() => api.close());

  it('follows the global ladder until the document says otherwise', async () => {
    expect(await reminderKeys()).toEqual(['deadline_reminder.10d', 'deadline_reminder.3d']);
    const effective = await api.http
      .get(`/documents/${documentId}/ladder`)
      .set('Authorization', `Bearer ${tokens.supervisor}`)
      .expect(200);
    expect(effective.body).toMatchObject({ overrides: null, ladder: { reminderWorkingDaysBefore: [10, 3] } });
  });

  it('lets only the supervisor change it, and refuses a broken ladder naming the field', async () => {
    await put('sport-officer', { ladder: { reminderWorkingDaysBefore: [5] } }).expect(403);
    const broken = await put('supervisor', { ladder: { reminderWorkingDaysBefore: [-1] } }).expect(400);
    expect(broken.body.code).toBe('INVALID_LADDER');
    expect(broken.body.message).toContain('reminderWorkingDaysBefore');
    expect(await reminderKeys()).toEqual(['deadline_reminder.10d', 'deadline_reminder.3d']);
  });

  it("recomputes the open tasks' pending steps at once, and goes back with null", async () => {
    const changed = await put('supervisor', { ladder: { reminderWorkingDaysBefore: [5] } }).expect(200);
    expect(changed.body).toMatchObject({ tasksReplanned: 1, ladder: { reminderWorkingDaysBefore: [5] } });
    expect(await reminderKeys()).toEqual(['deadline_reminder.5d']);
    await put('supervisor', { ladder: null }).expect(200);
    expect(await reminderKeys()).toEqual(['deadline_reminder.10d', 'deadline_reminder.3d']);
  });

  it("gives new work the document's acknowledgement period", async () => {
    await put('supervisor', { ladder: { ackDueWorkingDays: 5 } }).expect(200);
    const lead = (await api.http.get('/tasks').set('Authorization', `Bearer ${tokens['sport-officer']}`).expect(200))
      .body.items[0];
    expect(lead.ackDeadline).toBe('2026-11-26');
    await api.http
      .post(`/tasks/${lead.id}/actions/acknowledge`)
      .set('Authorization', `Bearer ${tokens['sport-officer']}`)
      .expect(200);
    const split = await api.http
      .post(`/tasks/${lead.id}/subtasks`)
      .set('Authorization', `Bearer ${tokens['sport-officer']}`)
      .send({ subtasks: [{ unitCode: 'sx-city-taiyuan', title: '太原赛事', deadline: '2027-03-01' }] })
      .expect(201);
    // Monday 2026-11-23 plus five working days.
    expect(split.body.subtasks[0].ackDeadline).toBe('2026-11-30');
  });
});
