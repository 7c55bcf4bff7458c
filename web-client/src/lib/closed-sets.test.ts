import { describe, expect, it } from 'vitest';
import { IdeaStatus } from '@contracts/participation-client';
import { oneOf } from './closed-sets';

describe('oneOf', () => {
  it('reads a value of the set, and nothing else', () => {
    const statuses = Object.values(IdeaStatus);
    expect(oneOf(statuses, 'under_consideration')).toBe(IdeaStatus.UnderConsideration);
    expect(oneOf(statuses, 'UnderConsideration')).toBeUndefined();
    expect(oneOf(statuses, '')).toBeUndefined();
    expect(oneOf(statuses, null)).toBeUndefined();
    expect(oneOf([IdeaStatus.Accepted], 'rejected')).toBeUndefined();
  });
});
