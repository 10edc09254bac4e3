import { renderInTestApp } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { MaybeLink } from './columns';

describe('MaybeLink', () => {
  it('links http and https URLs', async () => {
    await renderInTestApp(
      <>
        <MaybeLink url="https://ci.example.com/1">secure</MaybeLink>
        <MaybeLink url="http://ci.example.com/2">plain</MaybeLink>
      </>,
    );
    expect(screen.getByRole('link', { name: /secure/ })).toHaveAttribute(
      'href',
      'https://ci.example.com/1',
    );
    expect(screen.getByRole('link', { name: /plain/ })).toHaveAttribute(
      'href',
      'http://ci.example.com/2',
    );
  });

  it.each([
    // eslint-disable-next-line no-script-url
    ['javascript:alert(1)'],
    [' JavaScript:alert(1)'],
    ['data:text/html,<script>alert(1)</script>'],
    ['file:///etc/passwd'],
    ['/relative'],
  ])('shows %j as text, not a link, without failing', async url => {
    await renderInTestApp(<MaybeLink url={url}>deploy-1</MaybeLink>);
    expect(screen.getByText('deploy-1')).toBeInTheDocument();
    expect(screen.queryByRole('link')).toBeNull();
  });
});
