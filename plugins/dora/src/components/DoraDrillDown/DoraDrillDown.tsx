import { DoraQuery } from '@goldenpath/plugin-platform-react';
import Card from '@material-ui/core/Card';
import Tab from '@material-ui/core/Tab';
import Tabs from '@material-ui/core/Tabs';
import { useId, useState } from 'react';
import { ChangesTable, DeploymentsTable, IncidentsTable } from './tables';

const PANELS = [
  { label: 'Deployments', Table: DeploymentsTable },
  { label: 'Changes', Table: ChangesTable },
  { label: 'Incidents', Table: IncidentsTable },
] as const;

/**
 * The events behind the numbers, one tab per kind. A tab loads when first
 * opened and stays mounted, so switching back does not fetch again.
 */
export function DoraDrillDown(props: { query: DoraQuery }) {
  const [selected, setSelected] = useState(0);
  const [visited, setVisited] = useState<ReadonlySet<number>>(new Set([0]));
  const id = useId();

  const select = (index: number) => {
    setSelected(index);
    setVisited(previous => new Set(previous).add(index));
  };

  return (
    <Card>
      <Tabs
        value={selected}
        onChange={(_event, index: number) => select(index)}
        indicatorColor="primary"
        textColor="primary"
        aria-label="Events behind the numbers"
      >
        {PANELS.map((panel, index) => (
          <Tab
            key={panel.label}
            label={panel.label}
            id={`${id}-tab-${index}`}
            aria-controls={`${id}-panel-${index}`}
          />
        ))}
      </Tabs>
      {PANELS.map(({ label, Table }, index) => (
        <div
          key={label}
          role="tabpanel"
          id={`${id}-panel-${index}`}
          aria-labelledby={`${id}-tab-${index}`}
          hidden={selected !== index}
        >
          {visited.has(index) && <Table query={props.query} />}
        </div>
      ))}
    </Card>
  );
}
