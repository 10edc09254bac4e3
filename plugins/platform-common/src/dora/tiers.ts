import type {
  DoraTierCondition,
  DoraTierMeasure,
  DoraTierRule,
  DoraTierThresholds,
} from './computationTypes';
import type { DoraMetricKey, DoraTier, DoraTierModel } from './types';

const deploymentFrequencyRules: DoraTierRule[] = [
  {
    tier: 'elite',
    description: 'On demand: deployments on 3 or more days in the median week',
    condition: {
      measure: 'medianDeploymentDaysPerWeek',
      operator: '>=',
      value: 3,
    },
  },
  {
    tier: 'high',
    description: 'Weekly: deployments on at least 1 day in the median week',
    condition: {
      measure: 'medianDeploymentDaysPerWeek',
      operator: '>=',
      value: 1,
    },
  },
  {
    tier: 'medium',
    description:
      'Monthly: deployments on at least 1 day in the median calendar month',
    condition: {
      measure: 'medianDeploymentDaysPerMonth',
      operator: '>=',
      value: 1,
    },
  },
  { tier: 'low', description: 'Less often than monthly' },
];

const leadTimeRules: DoraTierRule[] = [
  {
    tier: 'elite',
    description: 'Less than one day',
    condition: { measure: 'hours', operator: '<', value: 24 },
  },
  {
    tier: 'high',
    description: 'Less than one week',
    condition: { measure: 'hours', operator: '<', value: 168 },
  },
  {
    tier: 'medium',
    description: 'Less than 30 days',
    condition: { measure: 'hours', operator: '<', value: 720 },
  },
  { tier: 'low', description: '30 days or more' },
];

const recoveryTimeRules: DoraTierRule[] = [
  {
    tier: 'elite',
    description: 'Less than one hour',
    condition: { measure: 'hours', operator: '<', value: 1 },
  },
  {
    tier: 'high',
    description: 'Less than one day',
    condition: { measure: 'hours', operator: '<', value: 24 },
  },
  {
    tier: 'medium',
    description: 'Less than one week',
    condition: { measure: 'hours', operator: '<', value: 168 },
  },
  { tier: 'low', description: 'One week or more' },
];

/** The models differ only in where medium ends. */
function changeFailureRateRules(mediumMaxPercent: number): DoraTierRule[] {
  const atMost = (percent: number): DoraTierCondition => ({
    measure: 'rate',
    operator: '<=',
    value: percent / 100,
  });
  return [
    { tier: 'elite', description: '5% or less', condition: atMost(5) },
    { tier: 'high', description: '10% or less', condition: atMost(10) },
    {
      tier: 'medium',
      description: `${mediumMaxPercent}% or less`,
      condition: atMost(mediumMaxPercent),
    },
    { tier: 'low', description: `More than ${mediumMaxPercent}%` },
  ];
}

/**
 * The documented tier thresholds (docs/metrics.md), for grading and for the
 * explanation popovers. The 2024 report's change failure rate clusters
 * (5/20/10/40%) are not monotonic, so their ordered values are used.
 *
 * @public
 */
export const TIER_THRESHOLDS: DoraTierThresholds = {
  '2024': {
    deploymentFrequency: deploymentFrequencyRules,
    leadTime: leadTimeRules,
    changeFailureRate: changeFailureRateRules(20),
    recoveryTime: recoveryTimeRules,
  },
  '2023': {
    deploymentFrequency: deploymentFrequencyRules,
    leadTime: leadTimeRules,
    changeFailureRate: changeFailureRateRules(15),
    recoveryTime: recoveryTimeRules,
  },
};

function holds(condition: DoraTierCondition, value: number): boolean {
  switch (condition.operator) {
    case '<':
      return value < condition.value;
    case '<=':
      return value <= condition.value;
    default:
      return value >= condition.value;
  }
}

/**
 * The tier of one metric value: hours for lead and recovery time, a 0..1 rate
 * for change failure rate, the median deployment days per week for deployment
 * frequency. Deployment frequency below weekly needs the median deployment
 * days per calendar month to tell medium from low; without it, it is low.
 *
 * @public
 */
export function tierFor(
  metric: DoraMetricKey,
  value: number,
  model: DoraTierModel,
  medianDeploymentDaysPerMonth: number = 0,
): DoraTier {
  const measured = (measure: DoraTierMeasure) =>
    measure === 'medianDeploymentDaysPerMonth'
      ? medianDeploymentDaysPerMonth
      : value;
  const rule = TIER_THRESHOLDS[model][metric].find(
    ({ condition }) =>
      !condition || holds(condition, measured(condition.measure)),
  );
  return rule?.tier ?? 'low';
}
