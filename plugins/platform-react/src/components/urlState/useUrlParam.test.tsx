import { renderInTestApp } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useLocation } from 'react-router-dom';
import { useUrlParam } from './useUrlParam';

function Harness() {
  const [environment, setEnvironment] = useUrlParam('environment', {
    defaultValue: 'production',
    parse: raw => raw || undefined,
  });
  const location = useLocation();
  return (
    <>
      <p>value: {environment}</p>
      <p>url: {location.search || '(none)'}</p>
      <button onClick={() => setEnvironment('staging')}>staging</button>
      <button onClick={() => setEnvironment('production')}>production</button>
    </>
  );
}

describe('useUrlParam', () => {
  it('reads the parameter, falling back to the default', async () => {
    await renderInTestApp(<Harness />, { routeEntries: ['/x?environment='] });
    expect(screen.getByText('value: production')).toBeInTheDocument();
  });

  it('keeps the value in the URL, without the default and other parameters intact', async () => {
    await renderInTestApp(<Harness />, { routeEntries: ['/x?days=30'] });
    await userEvent.click(screen.getByRole('button', { name: 'staging' }));
    expect(screen.getByText('value: staging')).toBeInTheDocument();
    expect(
      screen.getByText('url: ?days=30&environment=staging'),
    ).toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: 'production' }));
    expect(screen.getByText('value: production')).toBeInTheDocument();
    expect(screen.getByText('url: ?days=30')).toBeInTheDocument();
  });
});
