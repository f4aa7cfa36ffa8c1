// @vitest-environment happy-dom
import { h } from 'preact';
import { beforeEach, describe, expect, it } from 'vitest';
import { ensureHost, isLeewayNode, renderInto } from '@/utils/overlay/host';

function card(): { li: HTMLElement; badge: HTMLElement } {
  document.body.innerHTML = '<ul><li id="card"><div class="badges"><span id="due">Mar 5</span></div></li></ul>';
  return { li: document.getElementById('card')!, badge: document.getElementById('due')! };
}

const place = (li: Element, anchor: Element | null, key = 'trello:AbC123xy') =>
  ensureHost({
    container: li,
    kind: 'task',
    keyAttribute: 'data-task-key',
    key,
    anchor,
    existing: [...li.querySelectorAll('[data-leeway="task"]')],
    css: '',
  });

describe('ensureHost', () => {
  beforeEach(() => {
    document.body.innerHTML = '';
  });

  it('creates one host right after the anchor, and reuses it on every later pass', () => {
    const { li, badge } = card();
    const first = place(li, badge);
    const second = place(li, badge);
    expect(second).toBe(first);
    expect(li.querySelectorAll('[data-leeway="task"]')).toHaveLength(1);
    expect(badge.nextElementSibling).toBe(first);
    expect(first.getAttribute('data-task-key')).toBe('trello:AbC123xy');
    expect(isLeewayNode(first)).toBe(true);
  });

  it('removes duplicates left by a re-render and re-keys a reused card node', () => {
    const { li, badge } = card();
    const a = place(li, badge);
    li.append(a.cloneNode(true));
    expect(li.querySelectorAll('[data-leeway="task"]')).toHaveLength(2);
    const host = place(li, badge, 'trello:Other123');
    expect(li.querySelectorAll('[data-leeway="task"]')).toHaveLength(1);
    expect(host.getAttribute('data-task-key')).toBe('trello:Other123');
  });

  it('follows a re-rendered anchor', () => {
    const { li, badge } = card();
    const host = place(li, badge);
    const fresh = badge.cloneNode(true) as HTMLElement;
    badge.replaceWith(fresh);
    place(li, fresh);
    expect(fresh.nextElementSibling).toBe(host);
  });

  it('renders page text as text inside the shadow root', () => {
    const { li, badge } = card();
    const host = place(li, badge);
    renderInto(host, '1', h('span', null, '<img src=x onerror=alert(1)>'));
    expect(host.shadowRoot?.querySelector('img')).toBeNull();
    expect(host.shadowRoot?.textContent).toContain('<img src=x onerror=alert(1)>');
  });
});
