import { TIER_THRESHOLDS, tierFor } from './tiers';

describe('tierFor', () => {
  // A value on a boundary goes to the tier whose rule it satisfies as written.
  it.each([
    [23.99, 'elite'],
    [24, 'high'], // elite is < 24 h
    [167.99, 'high'],
    [168, 'medium'],
    [719.99, 'medium'],
    [720, 'low'],
  ] as const)('grades a lead time of %s h as %s', (hours, tier) => {
    expect(tierFor('leadTime', hours, '2024')).toBe(tier);
    expect(tierFor('leadTime', hours, '2023')).toBe(tier);
  });

  it.each([
    [0.99, 'elite'],
    [1, 'high'], // elite is < 1 h
    [24, 'medium'],
    [168, 'low'],
  ] as const)('grades a recovery time of %s h as %s', (hours, tier) => {
    expect(tierFor('recoveryTime', hours, '2024')).toBe(tier);
    expect(tierFor('recoveryTime', hours, '2023')).toBe(tier);
  });

  it.each([
    [0.05, 'elite', 'elite'], // elite is ≤ 5%
    [0.1, 'high', 'high'],
    [0.15, 'medium', 'medium'],
    [0.18, 'medium', 'low'], // the models differ between 15% and 20%
    [0.2, 'medium', 'low'],
    [0.21, 'low', 'low'],
  ] as const)(
    'grades a change failure rate of %s as %s (2024) and %s (2023)',
    (rate, tier2024, tier2023) => {
      expect(tierFor('changeFailureRate', rate, '2024')).toBe(tier2024);
      expect(tierFor('changeFailureRate', rate, '2023')).toBe(tier2023);
    },
  );

  it.each([
    [3, 0, 'elite'], // elite is ≥ 3 days in the median week
    [2.5, 0, 'high'],
    [1, 0, 'high'],
    [0.5, 1, 'medium'], // ≥ 1 day in the median month
    [0.5, 0.5, 'low'],
  ] as const)(
    'grades %s deployment days per week (%s per month) as %s',
    (perWeek, perMonth, tier) => {
      expect(tierFor('deploymentFrequency', perWeek, '2024', perMonth)).toBe(
        tier,
      );
    },
  );

  it('grades deployment frequency below weekly as low when no month median is given', () => {
    expect(tierFor('deploymentFrequency', 0.5, '2024')).toBe('low');
  });
});

describe('TIER_THRESHOLDS', () => {
  it('lists every metric elite first, ending with an unconditional low', () => {
    for (const model of ['2024', '2023'] as const) {
      for (const rules of Object.values(TIER_THRESHOLDS[model])) {
        expect(rules.map(rule => rule.tier)).toEqual([
          'elite',
          'high',
          'medium',
          'low',
        ]);
        expect(rules[3].condition).toBeUndefined();
      }
    }
  });

  it('documents the change failure rate medium bound of each model', () => {
    const mediumBound = (model: '2024' | '2023') =>
      TIER_THRESHOLDS[model].changeFailureRate[2].condition?.value;
    expect(mediumBound('2024')).toBe(0.2);
    expect(mediumBound('2023')).toBe(0.15);
  });
});
