import { describe, expect, it } from 'vitest';
import { zoneInWords } from './zoneName.ts';

describe('zoneInWords', () => {
  it('names a zone the way people say it, whatever the season', () => {
    expect(zoneInWords('America/New_York', 'en-GB', new Date('2026-01-15T12:00:00Z'))).toBe('Eastern Time');
    expect(zoneInWords('America/New_York', 'en-GB', new Date('2026-07-15T12:00:00Z'))).toBe('Eastern Time');
    expect(zoneInWords('Asia/Kolkata')).toBe('India Standard Time');
  });

  it('prefers a long name to a bare offset', () => {
    expect(zoneInWords('UTC')).toBe('Coordinated Universal Time');
  });

  it('falls back to the zone itself when it has no name in words', () => {
    expect(zoneInWords('Etc/GMT+5')).toBe('Etc/GMT+5');
    expect(zoneInWords('Not/A_Zone')).toBe('Not/A_Zone');
  });
});
