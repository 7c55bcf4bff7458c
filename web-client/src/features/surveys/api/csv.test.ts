import { describe, expect, it } from 'vitest';
import { fileNameFrom } from './surveys';

describe('fileNameFrom', () => {
  it('reads the file name of a Content-Disposition header, the UTF-8 one first', () => {
    expect(fileNameFrom('attachment; filename=reponses.csv; filename*=UTF-8\'\'r%C3%A9ponses-v%C3%A9lo.csv')).toBe('réponses-vélo.csv');
    expect(fileNameFrom('attachment; filename="survey-2026.csv"')).toBe('survey-2026.csv');
    expect(fileNameFrom(null)).toBeNull();
  });
});
