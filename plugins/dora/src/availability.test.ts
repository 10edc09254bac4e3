import {
  componentEntity,
  componentWithoutSlug,
  groupEntity,
} from './__fixtures__/doraMetrics';
import { isDoraAvailable, isDoraComponent, isDoraGroup } from './availability';

describe('isDoraAvailable', () => {
  it('is true for a Component with github.com/project-slug', () => {
    expect(isDoraAvailable(componentEntity)).toBe(true);
    expect(isDoraComponent(componentEntity)).toBe(true);
  });

  it('is false for a Component without the annotation', () => {
    expect(isDoraAvailable(componentWithoutSlug)).toBe(false);
  });

  it('is true for a Group, whatever its annotations', () => {
    expect(isDoraAvailable(groupEntity)).toBe(true);
    expect(isDoraGroup(groupEntity)).toBe(true);
    expect(isDoraComponent(groupEntity)).toBe(false);
  });

  it('is false for other kinds even with the annotation', () => {
    expect(
      isDoraAvailable({
        ...componentEntity,
        kind: 'API',
      }),
    ).toBe(false);
  });
});
