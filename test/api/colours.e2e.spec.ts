import { startTestApi, TestApi } from '../support/api';

describe('status colours in the inbox', () => {
  let api: TestApi;
  const tokens: Record<string, string> = {};
  let leadTaskId: string;
  let subtaskId: string;

  const get = (user: string, url: string) => api.http.get(url).set('Authorization', `Bearer ${tokens[user]}`);
  const post = (user: string, url: string, body: object = {}) =>
    api.http.post(url).set('Authorization', `Bearer ${tokens[user]}`).send(body);

  beforeAll(async () => {
    api = await startTestApi(new Date('2026-11-23T02:00:00Z'));
    Object.assign(
      tokens,
      await api.createUsers([
        ['supervisor', 'sx-supervision-office', 'supervisor'],
        ['sport-officer', 'sx-sport', 'officer'],
        ['taiyuan-officer', 'sx-city-taiyuan', 'officer'],
      ] as const),
    );
    await api.launchSeedMeasure('二.(三).2', '2027-03-31', tokens.supervisor);
    leadTaskId = (await get('sport-officer', '/tasks').expect(200)).body.items[0].id;
    await post('sport-officer', `/tasks/${leadTaskId}/actions/acknowledge`).expect(200);
    const split = await post('sport-officer', `/tasks/${leadTaskId}/subtasks`, {
      subtasks: [{ unitCode: 'sx-city-taiyuan', title: '太原赛事', deadline: '2027-01-29' }],
    }).expect(201);
    subtaskId = split.body.subtasks[0].id;
  });

  afterAll(() => api.close());

  const colours = async () => {
    const lead = (await get('sport-officer', `/tasks/${leadTaskId}`).expect(200)).body;
    const sub = (await get('taiyuan-officer', '/tasks').expect(200)).body.items.find(
      (task: { id: string }) => task.id === subtaskId,
    );
    return [lead.colour, sub.colour];
  };

  it('is green while the deadlines are far', async () => {
    expect(await colours()).toEqual(['green', 'green']);
  });

  it('turns the subtask yellow within ten working days of its deadline, and its lead task with it', async () => {
    api.clock.set(new Date('2027-01-18T02:00:00Z'));
    expect(await colours()).toEqual(['yellow', 'yellow']);
  });

  it('turns the subtask red once overdue, and the lead task red though its own deadline is weeks away', async () => {
    api.clock.set(new Date('2027-02-01T02:00:00Z'));
    const [lead, sub] = await colours();
    expect(sub).toBe('red');
    expect(lead).toBe('red');
    const overdue = (await get('taiyuan-officer', '/tasks?overdue=true').expect(200)).body;
    expect(overdue.items.map((task: { id: string }) => task.id)).toEqual([subtaskId]);
  });
});
