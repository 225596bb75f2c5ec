import { canonicalJson, ChainedEvent, ChainedEventBody, eventHash, GENESIS_HASH, verifyChain } from './event-chain';

function chain(count: number): ChainedEvent[] {
  const events: ChainedEvent[] = [];
  let prevHash = GENESIS_HASH;
  for (let seq = 1; seq <= count; seq += 1) {
    const body: ChainedEventBody = {
      workflowId: 'w1',
      seq,
      taskId: 't1',
      action: seq === 1 ? 'launch' : 'acknowledge',
      fromState: seq === 1 ? null : 'assigned',
      toState: seq === 1 ? 'assigned' : 'acknowledged',
      reason: null,
      payload: { deadline: '2026-12-31', units: ['a', 'b'] },
      actorUserId: 'u1',
      actorUsername: 'someone',
      actorUnitCode: 'sx-sport',
      occurredAt: `2026-11-2${seq}T01:00:00.000Z`,
    };
    const hash = eventHash(prevHash, body);
    events.push({ ...body, id: `e${seq}`, prevHash, hash });
    prevHash = hash;
  }
  return events;
}

describe('canonicalJson', () => {
  it('orders keys at every depth and drops undefined', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { z: 1, y: 2 }], c: undefined } })).toBe(
      '{"a":{"d":[2,{"y":2,"z":1}]},"b":1}',
    );
  });
});

// Known answers, computed outside this code (Python: hashlib.sha256 over the previous hash's hex text
// followed by json.dumps(body, sort_keys=True, separators=(',', ':'), ensure_ascii=False)): a change to the
// hashing or to the canonical form would break every stored chain, and must fail here first.
describe('eventHash known answers', () => {
  it('hashes the fixed three-event chain to the hashes written down', () => {
    expect(chain(3).map((event) => event.hash)).toEqual([
      '6e1791aa35ebbf6a3f7b69616b97964222288d8985bb635c779e6a161233a53d',
      '32b3185d6a898d6eca77e69cc0c8efe532e8b35b96f3983f8b93780ba1628786',
      '5224f436437d5ccef6865983a16e29e2dfdfd27a8287074ab76539a264937a6e',
    ]);
    expect(chain(3).map((event) => event.prevHash)).toEqual([
      GENESIS_HASH,
      '6e1791aa35ebbf6a3f7b69616b97964222288d8985bb635c779e6a161233a53d',
      '32b3185d6a898d6eca77e69cc0c8efe532e8b35b96f3983f8b93780ba1628786',
    ]);
  });

  it('hashes Chinese text as UTF-8, with nulls and nested keys in canonical order', () => {
    const body: ChainedEventBody = {
      workflowId: 'w1',
      seq: 1,
      taskId: null,
      action: 'return',
      fromState: 'submitted',
      toState: 'in_progress',
      reason: '请补充佐证材料',
      payload: { 说明: '第二轮', n: 1.5 },
      actorUserId: null,
      actorUsername: '省文旅厅负责人',
      actorUnitCode: 'sx-culture-tourism',
      occurredAt: '2022-09-15T01:30:00.000Z',
    };
    expect(canonicalJson(body)).toBe(
      '{"action":"return","actorUnitCode":"sx-culture-tourism","actorUserId":null,"actorUsername":"省文旅厅负责人","fromState":"submitted","occurredAt":"2022-09-15T01:30:00.000Z","payload":{"n":1.5,"说明":"第二轮"},"reason":"请补充佐证材料","seq":1,"taskId":null,"toState":"in_progress","workflowId":"w1"}',
    );
    expect(eventHash(GENESIS_HASH, body)).toBe('36246b4f2a5bcfab712a474e4203c01fe4a90e66f2d9d654a8339d7945c5919a');
  });
});

describe('verifyChain', () => {
  it('accepts an untouched chain', () => {
    expect(verifyChain(chain(4))).toEqual({ ok: true, events: 4 });
    expect(verifyChain([])).toEqual({ ok: true, events: 0 });
  });

  it('names the first event whose content was changed', () => {
    const events = chain(4);
    events[2] = { ...events[2], reason: '改过的理由' };
    expect(verifyChain(events)).toMatchObject({ ok: false, firstBadEventId: 'e3', firstBadSeq: 3, problem: 'hash' });
  });

  it('finds a changed payload deep inside', () => {
    const events = chain(3);
    events[1] = { ...events[1], payload: { deadline: '2027-12-31', units: ['a', 'b'] } };
    expect(verifyChain(events)).toMatchObject({ ok: false, firstBadSeq: 2, problem: 'hash' });
  });

  it('finds a deleted event and a rewritten link', () => {
    const events = chain(4);
    expect(verifyChain([events[0], events[2], events[3]])).toMatchObject({
      ok: false,
      firstBadSeq: 3,
      problem: 'sequence',
    });
    const relinked = chain(3);
    relinked[2] = { ...relinked[2], prevHash: GENESIS_HASH };
    expect(verifyChain(relinked)).toMatchObject({ ok: false, firstBadSeq: 3, problem: 'link' });
  });

  it('finds a recomputed hash that no longer links to the next event', () => {
    const events = chain(3);
    const forged = { ...events[1], reason: '伪造' };
    events[1] = {
      ...forged,
      hash: eventHash(forged.prevHash, {
        ...forged,
        id: undefined,
        prevHash: undefined,
        hash: undefined,
      } as unknown as ChainedEventBody),
    };
    expect(verifyChain(events)).toMatchObject({ ok: false, firstBadSeq: 3, problem: 'link' });
  });
});
