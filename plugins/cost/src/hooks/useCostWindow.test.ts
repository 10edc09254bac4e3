import { wholeUtcDays } from './useCostWindow';

describe('wholeUtcDays', () => {
  it('ends a window that ends now at the next UTC midnight, keeping its length', () => {
    expect(
      wholeUtcDays({
        from: '2026-10-24T14:33:00.000Z',
        to: '2026-11-23T14:33:00.000Z',
      }),
    ).toEqual({
      from: '2026-10-25T00:00:00.000Z',
      to: '2026-11-24T00:00:00.000Z',
    });
  });

  it('keeps a window that already ends at a UTC midnight', () => {
    const window = {
      from: '2026-09-01T00:00:00.000Z',
      to: '2026-10-01T00:00:00.000Z',
    };
    expect(wholeUtcDays(window)).toEqual(window);
  });
});
