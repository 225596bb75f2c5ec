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
