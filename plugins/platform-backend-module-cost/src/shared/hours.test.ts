import { chunkWindow, pollWindow } from './hours';

const at = (iso: string) => Date.parse(iso);
const window = (w: { fromMs: number; toMs: number } | undefined) =>
  w && [new Date(w.fromMs).toISOString(), new Date(w.toMs).toISOString()];

describe('pollWindow', () => {
  const base = { lookbackHours: 3, maxCatchUpHours: 24 };

  it('reads finished hours only, once they settled for ten minutes', () => {
    expect(
      window(
        pollWindow({
          ...base,
          nowMs: at('2026-11-02T12:09:59Z'),
          latestOccurredAt: '2026-11-02T11:00:00Z',
        }),
      ),
    ).toEqual(['2026-11-02T08:00:00.000Z', '2026-11-02T11:00:00.000Z']);
    expect(
      window(
        pollWindow({
          ...base,
          nowMs: at('2026-11-02T12:10:00Z'),
          latestOccurredAt: '2026-11-02T11:00:00Z',
        }),
      ),
    ).toEqual(['2026-11-02T09:00:00.000Z', '2026-11-02T12:00:00.000Z']);
  });

  it('reaches back to the hour after the latest stored one, at most maxCatchUpHours', () => {
    // down since 02:00: resume there
    expect(
      window(
        pollWindow({
          ...base,
          nowMs: at('2026-11-02T12:30:00Z'),
          latestOccurredAt: '2026-11-02T02:00:00Z',
        }),
      ),
    ).toEqual(['2026-11-02T02:00:00.000Z', '2026-11-02T12:00:00.000Z']);
    // down for three days: the last 24 hours
    expect(
      window(
        pollWindow({
          ...base,
          nowMs: at('2026-11-02T12:30:00Z'),
          latestOccurredAt: '2026-10-30T12:00:00Z',
        }),
      ),
    ).toEqual(['2026-11-01T12:00:00.000Z', '2026-11-02T12:00:00.000Z']);
  });

  it('reads maxCatchUpHours on the first run', () => {
    expect(
      window(
        pollWindow({
          ...base,
          nowMs: at('2026-11-02T12:30:00Z'),
          latestOccurredAt: null,
        }),
      ),
    ).toEqual(['2026-11-01T12:00:00.000Z', '2026-11-02T12:00:00.000Z']);
  });
});

describe('chunkWindow', () => {
  it('cuts a window into pieces of at most n hours, oldest first', () => {
    const chunks = chunkWindow(
      { fromMs: at('2026-11-02T00:00:00Z'), toMs: at('2026-11-02T14:00:00Z') },
      6,
    );
    expect(chunks.map(window)).toEqual([
      ['2026-11-02T00:00:00.000Z', '2026-11-02T06:00:00.000Z'],
      ['2026-11-02T06:00:00.000Z', '2026-11-02T12:00:00.000Z'],
      ['2026-11-02T12:00:00.000Z', '2026-11-02T14:00:00.000Z'],
    ]);
  });
});
