import { prometheusLabelName, restoreLabelKeys, seriesLabels } from './labels';
import { nodeKindFromLabels } from './nodeLabels';

describe('labels in Prometheus form', () => {
  it('names Kubernetes label keys as kube-state-metrics v2 does', () => {
    expect(prometheusLabelName('app.kubernetes.io/name')).toBe(
      'app_kubernetes_io_name',
    );
    expect(prometheusLabelName('eks.amazonaws.com/capacityType')).toBe(
      'eks_amazonaws_com_capacity_type',
    );
    expect(prometheusLabelName('karpenter.sh/capacity-type')).toBe(
      'karpenter_sh_capacity_type',
    );
  });

  it('restores the keys that name components and keeps the others', () => {
    expect(
      restoreLabelKeys({
        backstage_io_kubernetes_id: 'checkout-service',
        app_kubernetes_io_name: 'checkout',
        pod_template_hash: '7d9f8b6c5d',
        team: 'payments',
        helm_sh_chart: 'checkout-1.2.3',
      }),
    ).toEqual({
      'backstage.io/kubernetes-id': 'checkout-service',
      'app.kubernetes.io/name': 'checkout',
      'pod-template-hash': '7d9f8b6c5d',
      team: 'payments',
      helm_sh_chart: 'checkout-1.2.3',
    });
  });

  it('reads the label_* entries of a series, dropping empty values', () => {
    expect(
      seriesLabels({
        namespace: 'payments',
        pod: 'p',
        label_app: 'checkout',
        label_team: '',
      }),
    ).toEqual({ app: 'checkout' });
  });
});

describe('nodeKindFromLabels', () => {
  it.each([
    [{ karpenter_sh_capacity_type: 'spot' }, 'spot'],
    [{ karpenter_sh_capacity_type: 'on-demand' }, 'on-demand'],
    [{ eks_amazonaws_com_capacity_type: 'SPOT' }, 'spot'],
    [{ eks_amazonaws_com_capacity_type: 'ON_DEMAND' }, 'on-demand'],
    [{ cloud_google_com_gke_spot: 'true' }, 'spot'],
    [{ cloud_google_com_gke_preemptible: 'true' }, 'spot'],
    [{ kubernetes_azure_com_scalesetpriority: 'spot' }, 'spot'],
    [{}, 'on-demand'],
  ])('%j is %s', (labels, capacityType) => {
    expect(nodeKindFromLabels(labels).capacityType).toBe(capacityType);
  });

  it('reads the instance type from the current label, then the beta one', () => {
    expect(
      nodeKindFromLabels({
        node_kubernetes_io_instance_type: 'm5.xlarge',
        beta_kubernetes_io_instance_type: 'm4.xlarge',
      }).instanceType,
    ).toBe('m5.xlarge');
    expect(
      nodeKindFromLabels({ beta_kubernetes_io_instance_type: 'n2-standard-4' })
        .instanceType,
    ).toBe('n2-standard-4');
    expect(nodeKindFromLabels(undefined).instanceType).toBe('unknown');
  });
});
