import { renderInTestApp } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { EnvironmentPicker } from './EnvironmentPicker';

async function openOptions() {
  await userEvent.click(screen.getByRole('button', { name: /Environment/ }));
  return screen.getAllByRole('option').map(option => option.textContent);
}

describe('EnvironmentPicker', () => {
  it('offers the environments the data has and reports the one picked', async () => {
    const onChange = jest.fn();
    await renderInTestApp(
      <EnvironmentPicker
        environments={['prod-eu', 'production', 'qa']}
        value="production"
        onChange={onChange}
      />,
    );
    expect(
      screen.getByRole('button', { name: /Environment/ }),
    ).toHaveTextContent('Production');
    expect(await openOptions()).toEqual(['Prod-eu', 'Production', 'Qa']);

    await userEvent.click(screen.getByRole('option', { name: 'Prod-eu' }));
    expect(onChange).toHaveBeenCalledWith('prod-eu');
  });

  it('still offers the selected environment when the data has none of it', async () => {
    await renderInTestApp(
      <EnvironmentPicker
        environments={['staging']}
        value="production"
        onChange={jest.fn()}
      />,
    );
    expect(await openOptions()).toEqual(['Production', 'Staging']);
  });

  it('shows the selected environment before the list has loaded', async () => {
    await renderInTestApp(
      <EnvironmentPicker
        environments={[]}
        value="staging"
        onChange={jest.fn()}
      />,
    );
    expect(
      screen.getByRole('button', { name: /Environment/ }),
    ).toHaveTextContent('Staging');
  });
});
