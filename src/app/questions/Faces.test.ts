import { describe, expect, it } from 'vitest';
import { scalePoints } from '../../shared/contract/constants';
import { MOUTHS } from './Faces';

describe('the faces of a rating', () => {
  it('have one mouth for every point of the rating scale', () => {
    expect(MOUTHS).toHaveLength(scalePoints('rating').length);
  });
});
