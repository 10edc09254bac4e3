import { eventId, fitLength, podUidOrName } from './eventIds';

describe('event ids', () => {
  it('joins segments, and hashes the tail of one too long for the envelope', () => {
    expect(eventId(['prod', 'payments', 'pod', 'app', '2026-11-02T10'])).toBe(
      'prod/payments/pod/app/2026-11-02T10',
    );
    const long = eventId([
      'c'.repeat(120),
      'n'.repeat(60),
      'p'.repeat(60),
      'x',
      '2026-11-02T10',
    ]);
    const other = eventId([
      'c'.repeat(120),
      'n'.repeat(60),
      'p'.repeat(60),
      'x',
      '2026-11-02T11',
    ]);
    expect(long).toHaveLength(200);
    expect(long).not.toBe(other);
    expect(
      eventId([
        'c'.repeat(120),
        'n'.repeat(60),
        'p'.repeat(60),
        'x',
        '2026-11-02T10',
      ]),
    ).toBe(long);
  });

  it('uses the pod UID, else the pod name bounded to 63 characters', () => {
    expect(
      podUidOrName('0b6f3c52-9d1e-4f7a-8c2b-5e4d3a2f1b0c', 'checkout-x'),
    ).toBe('0b6f3c52-9d1e-4f7a-8c2b-5e4d3a2f1b0c');
    expect(podUidOrName(undefined, 'ledger-0')).toBe('ledger-0');
    const name = `${'a'.repeat(70)}-0`;
    expect(podUidOrName('', name)).toHaveLength(63);
    expect(fitLength(name, 63)).not.toBe(fitLength(`${'a'.repeat(70)}-1`, 63));
  });
});
