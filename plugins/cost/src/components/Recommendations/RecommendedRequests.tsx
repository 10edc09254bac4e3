import { CodeSnippet, InfoCard } from '@backstage/core-components';
import Typography from '@material-ui/core/Typography';
import { CostRecommendations } from '../../api/types';
import { recommendedRequestsYaml } from './recommendedRequestsYaml';

/** The recommended requests of every spec with savings or risk, ready to paste. */
export function RecommendedRequests(props: {
  recommendations: CostRecommendations;
}) {
  const { savings, risks } = props.recommendations;
  const all = [...savings, ...risks];
  return (
    <InfoCard
      title="Recommended requests"
      subheader="resources.requests per container, to paste into each workload's pod template (spec.template.spec.containers)"
    >
      {all.length === 0 ? (
        <Typography variant="body2" color="textSecondary">
          Every container's requests fit its usage: nothing to change.
        </Typography>
      ) : (
        <section aria-label="Recommended requests YAML">
          <CodeSnippet
            text={recommendedRequestsYaml(all)}
            language="yaml"
            showCopyCodeButton
          />
        </section>
      )}
    </InfoCard>
  );
}
