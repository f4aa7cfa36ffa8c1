import { describe, expect, it } from 'vitest';
import { describeZodError, RequestSchema, ResponseSchemas } from '@/utils/messages/protocol';
import { batch, observation } from '../store/helpers';

describe('message schemas', () => {
  it('accepts a well-formed observation batch', () => {
    expect(RequestSchema.safeParse({ type: 'observe', batch: batch([observation()]) }).success).toBe(true);
  });

  it.each([
    ['an unknown site', { ...batch([observation()]), site: 'jira' }, 'batch.site'],
    ['a task key that is too long', batch([observation({ key: 'x'.repeat(400) })]), 'batch.tasks.0.key'],
    ['a due that is neither instant nor date', batch([observation({ due: 'Mar 5' })]), 'batch.tasks.0.due'],
    ['a naive datetime without offset', { ...batch([]), observedAt: '2026-03-01T10:00:00' }, 'batch.observedAt'],
  ])('rejects %s and names the field', (_what, bad, field) => {
    const parsed = RequestSchema.safeParse({ type: 'observe', batch: bad });
    expect(parsed.success).toBe(false);
    if (!parsed.success) expect(describeZodError(parsed.error)).toMatch(new RegExp(`^${field.replace(/\./g, '\\.')}: `));
  });

  it('validates replies too, so a content script never renders a malformed view', () => {
    expect(ResponseSchemas['get-views'].safeParse({ ok: true, views: { tasks: [{ key: 'x' }], contractors: [] } }).success).toBe(false);
    expect(ResponseSchemas['get-views'].safeParse({ ok: false, error: 'closed' }).success).toBe(true);
  });
});
