import { describe, expect, it } from 'vitest';
import { clockMinutes, inQuietHours } from '@/utils/alerts/quiet-hours';

const at = (hhmm: string) => clockMinutes(hhmm);

describe('quiet hours', () => {
  const night = { enabled: true, from: '19:00', to: '08:00' };

  it('wraps past midnight', () => {
    expect(inQuietHours(night, at('19:00'))).toBe(true);
    expect(inQuietHours(night, at('23:59'))).toBe(true);
    expect(inQuietHours(night, at('00:00'))).toBe(true);
    expect(inQuietHours(night, at('07:59'))).toBe(true);
    expect(inQuietHours(night, at('08:00'))).toBe(false);
    expect(inQuietHours(night, at('12:00'))).toBe(false);
    expect(inQuietHours(night, at('18:59'))).toBe(false);
  });

  it('handles a window inside one day', () => {
    const lunch = { enabled: true, from: '12:30', to: '13:30' };
    expect(inQuietHours(lunch, at('12:29'))).toBe(false);
    expect(inQuietHours(lunch, at('12:30'))).toBe(true);
    expect(inQuietHours(lunch, at('13:29'))).toBe(true);
    expect(inQuietHours(lunch, at('13:30'))).toBe(false);
    expect(inQuietHours(lunch, at('23:00'))).toBe(false);
  });

  it('is never quiet when switched off or empty', () => {
    expect(inQuietHours({ ...night, enabled: false }, at('23:00'))).toBe(false);
    expect(inQuietHours({ enabled: true, from: '09:00', to: '09:00' }, at('09:00'))).toBe(false);
  });
});
