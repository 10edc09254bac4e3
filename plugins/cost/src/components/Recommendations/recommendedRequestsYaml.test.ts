import { recommendations } from '../../__fixtures__/costData';
import {
  recommendedRequestsYaml,
  toMebibytes,
  toMillicores,
} from './recommendedRequestsYaml';

const EXPECTED = `# Deployment checkout (cluster prod-eu, namespace shop)
containers:
  - name: app
    resources:
      requests:
        cpu: 348m
        memory: 615Mi
  - name: istio-proxy
    resources:
      requests:
        cpu: 12m
        memory: 20Mi
---
# Deployment checkout-worker (cluster prod-eu, namespace shop)
containers:
  - name: worker
    resources:
      requests:
        cpu: 1200m
        memory: 120Mi
`;

describe('recommendedRequestsYaml', () => {
  it('writes one document per controller with each container’s requests', () => {
    expect(
      recommendedRequestsYaml([
        ...recommendations.savings,
        ...recommendations.risks,
      ]),
    ).toBe(EXPECTED);
  });

  it('lists a spec found in both savings and risks once, whatever the order', () => {
    const all = [...recommendations.risks, ...recommendations.savings];
    expect(recommendedRequestsYaml([...all].reverse())).toBe(EXPECTED);
    expect(recommendedRequestsYaml(all).match(/name: worker/g)).toHaveLength(1);
  });

  it('is empty without recommendations', () => {
    expect(recommendedRequestsYaml([])).toBe('');
  });
});

describe('quantities', () => {
  it('keeps whole millicores despite floating-point noise', () => {
    expect(0.1 * 3 * 1000).not.toBe(300);
    expect(toMillicores(0.1 * 3)).toBe('300m');
    expect(toMillicores(0.348)).toBe('348m');
    expect(toMillicores(0.0101)).toBe('11m');
  });

  it('rounds memory up to a whole MiB', () => {
    expect(toMebibytes(615 * 2 ** 20)).toBe('615Mi');
    expect(toMebibytes(100 * 2 ** 20 + 1)).toBe('101Mi');
  });
});
