import { matchesLabels, parseLabelSelector } from './labelSelector';

function matches(selector: string, labels: Record<string, string>): boolean {
  const parsed = parseLabelSelector(selector);
  if (parsed.error) throw new Error(parsed.error);
  return matchesLabels(parsed.requirements!, labels);
}

const pod = {
  'app.kubernetes.io/name': 'payments-api',
  'app.kubernetes.io/component': 'worker',
  tier: 'backend',
  canary: '',
};

describe('label selectors', () => {
  it.each([
    ['app.kubernetes.io/name=payments-api', true],
    ['app.kubernetes.io/name==payments-api', true],
    [' app.kubernetes.io/name = payments-api , tier=backend ', true],
    ['app.kubernetes.io/name=payments-api,tier=frontend', false],
    ['app.kubernetes.io/name!=payments-api', false],
    ['app.kubernetes.io/name!=ledger', true],
    ['missing!=x', true],
    ['tier in (frontend, backend)', true],
    ['tier in (frontend)', false],
    ['missing in (x)', false],
    ['tier notin (frontend,backend)', false],
    ['tier notin (frontend)', true],
    ['missing notin (x)', true],
    ['tier', true],
    ['missing', false],
    ['!missing', true],
    ['! tier', false],
    ['canary=', true],
    ['canary', true],
    [
      'tier in (backend),app.kubernetes.io/component notin (web),!missing',
      true,
    ],
  ])('%s on the pod is %s', (selector, expected) => {
    expect(matches(selector, pod)).toBe(expected);
  });

  it('does not take inherited properties for labels', () => {
    expect(matches('constructor', {})).toBe(false);
    expect(matches('!toString', {})).toBe(true);
  });

  it.each([
    ['', /empty selector/],
    [' , ', /empty selector/],
    ['a=b,', /"": not a requirement/],
    ['a in (x', /unbalanced parentheses/],
    ['a in ((x))', /unbalanced parentheses/],
    ['a) in (x', /unbalanced parentheses/],
    ['a in ()', /"in" needs at least one value/],
    ['a > 3', /not a requirement/],
    ['a=b=c', /not a requirement/],
    ['a = b c', /not a requirement/],
    ['-a=b', /"-a" is not a Kubernetes label key/],
    ['a=b-', /"b-" is not a Kubernetes label value/],
    ['a in (x, y z)', /"y z" is not a Kubernetes label value/],
  ])('refuses %j', (selector, error) => {
    expect(parseLabelSelector(selector).error).toMatch(error);
  });
});
