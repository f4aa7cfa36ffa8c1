// @vitest-environment happy-dom
/**
 * Adapter fuzzing (issue #7): every site's reader, fed mutated copies of its fixtures (attributes removed,
 * nodes reordered, removed or duplicated, text garbled, 100k-character titles, deeply nested junk), never
 * throws, only sends observations the background accepts, and says so in its health report when it could
 * not read what it should. Seeded: a failure names its seed and replays exactly.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { TaskObservationSchema } from '@/utils/model/observation';
import type { PageRead, SiteAdapter } from '@/utils/sites/adapter';
import { asanaAdapter } from '@/utils/sites/asana/adapter';
import { trelloAdapter } from '@/utils/sites/trello/adapter';
import { upworkAdapter } from '@/utils/sites/upwork/adapter';
import { seeded, type Rng } from './rng';

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures');
const TODAY = '2026-12-01';
const ASANA_PROJECT = '1205000000000101';

interface Case {
  adapter: SiteAdapter;
  file: string;
  url: string;
}

const CASES: Case[] = [
  { adapter: trelloAdapter, file: 'trello/board-new-ui.html', url: 'https://trello.com/b/Kx7pQ2mN/client-site-launch' },
  { adapter: trelloAdapter, file: 'trello/board-legacy-ui.html', url: 'https://trello.com/b/Kx7pQ2mN/client-site-launch' },
  { adapter: trelloAdapter, file: 'trello/card-dialog.html', url: 'https://trello.com/c/AbC123xy/14-homepage-hero' },
  { adapter: asanaAdapter, file: 'asana/board.html', url: `https://app.asana.com/0/${ASANA_PROJECT}/board` },
  { adapter: asanaAdapter, file: 'asana/list.html', url: `https://app.asana.com/0/${ASANA_PROJECT}/list` },
  { adapter: asanaAdapter, file: 'asana/board-pane.html', url: `https://app.asana.com/0/${ASANA_PROJECT}/1205000000000202` },
  { adapter: asanaAdapter, file: 'asana/my-tasks.html', url: 'https://app.asana.com/1/1205000000000001/my-tasks' },
  { adapter: upworkAdapter, file: 'upwork/contract-milestones.html', url: 'https://www.upwork.com/nx/wm/workroom/41000001/milestones' },
  { adapter: upworkAdapter, file: 'upwork/contract-milestones-legacy.html', url: 'https://www.upwork.com/nx/wm/workroom/41000001/milestones' },
  { adapter: upworkAdapter, file: 'upwork/contracts-list.html', url: 'https://www.upwork.com/nx/wm/contracts?status=active' },
  { adapter: upworkAdapter, file: 'upwork/freelancer-profile.html', url: 'https://www.upwork.com/freelancers/~01aa11bb22cc33dd44' },
  { adapter: upworkAdapter, file: 'upwork/proposals.html', url: 'https://www.upwork.com/ab/applicants/~021234567890123456789/applicants' },
];

const html = new Map(CASES.map((c) => [c.file, readFileSync(path.join(FIXTURES, c.file), 'utf8')]));
const parse = (c: Case) => new DOMParser().parseFromString(html.get(c.file)!, 'text/html');

const JUNK_TEXT = [
  '',
  ' ',
  'Due',
  'Due: ',
  'Dec 32',
  '31/02/2026',
  'tomorrow-ish',
  '2026-13-45',
  '9999-99-99',
  'Feb 30, 2026',
  '‮ɘuᗡ Dec 5‬',
  '💥🔥 Dec 5 🔥💥',
  'NaN',
  '-1e999',
  '<script>alert(1)</script>',
  '\u0000\u0007\uFFFF',
  'Due in -3 days',
  'Yesterday at 25:99',
];
const JUNK_ATTR = ['', ' ', 'javascript:alert(1)', '/c/', '/c/!!!!!!!!/x', '~', '0', 'null', 'x'.repeat(5000), '/b/\u0000/x'];

/** One random edit of the document; the kinds a site redesign or a half-rendered page produce. */
function mutateOnce(doc: Document, rng: Rng): string {
  const all = [...doc.body.querySelectorAll('*')];
  if (all.length === 0) return 'empty';
  const el = rng.pick(all);
  switch (rng.int(9)) {
    case 0: {
      const attr = el.attributes[rng.int(Math.max(1, el.attributes.length))];
      if (attr) el.removeAttribute(attr.name);
      return 'remove attribute';
    }
    case 1: {
      const attr = el.attributes[rng.int(Math.max(1, el.attributes.length))];
      if (attr) el.setAttribute(attr.name, rng.pick(JUNK_ATTR));
      return 'junk attribute';
    }
    case 2: {
      const kids = [...el.children];
      for (let i = kids.length - 1; i > 0; i--) {
        const j = rng.int(i + 1);
        [kids[i], kids[j]] = [kids[j]!, kids[i]!];
      }
      el.append(...kids);
      return 'reorder children';
    }
    case 3:
      el.textContent = rng.pick(JUNK_TEXT);
      return 'garble text';
    case 4:
      el.textContent = 'Huge title '.repeat(10_000).slice(0, 100_000);
      return '100k text';
    case 5: {
      let junk: Element = doc.createElement('div');
      const top = junk;
      for (let i = 0; i < 400; i++) {
        const inner = doc.createElement(rng.pick(['div', 'span', 'a', 'li', 'time', 'button']));
        if (rng.int(3) === 0) inner.setAttribute(rng.pick(['data-testid', 'class', 'href', 'title', 'aria-label']), rng.pick(JUNK_ATTR));
        junk.append(inner);
        junk = inner;
      }
      junk.textContent = rng.pick(JUNK_TEXT);
      el.append(top);
      return 'deep junk';
    }
    case 6:
      if (el !== doc.body) el.remove();
      return 'remove node';
    case 7:
      el.after(el.cloneNode(true));
      return 'duplicate node';
    default: {
      // Move a node somewhere unrelated (half-finished re-render).
      const target = rng.pick(all);
      if (!el.contains(target)) target.append(el);
      return 'move node';
    }
  }
}

function readSafely(c: Case, doc: Document): PageRead {
  return c.adapter.readPage(doc, { today: TODAY, pageUrl: c.url });
}

function checkRead(read: PageRead, label: string): void {
  expect(Array.isArray(read.tasks), label).toBe(true);
  // tasksFound counts tasks, placements may be more (a card and its open dialog): only its sanity is checked.
  expect(Number.isInteger(read.health.tasksFound) && read.health.tasksFound >= 0, label).toBe(true);
  for (const [field, count] of Object.entries(read.health.missing)) {
    expect(Number.isInteger(count) && count >= 0, `${label}: missing.${field}`).toBe(true);
  }
  for (const t of read.tasks) {
    const parsed = TaskObservationSchema.safeParse(t.observation);
    expect(parsed.success, `${label}: observation ${t.key} is one the background would refuse: ${parsed.error?.message}`).toBe(true);
    expect(t.container.contains(t.slot), `${label}: slot outside its container`).toBe(true);
  }
}

describe('adapter fuzzing: readPage never throws, and health degrades instead', () => {
  it('reads every pristine fixture (the baseline the mutations start from)', () => {
    for (const c of CASES) checkRead(readSafely(c, parse(c)), c.file);
  });

  for (const c of CASES) {
    it(`${c.file}: 30 seeded mutants`, () => {
      for (let seed = 1; seed <= 30; seed++) {
        const rng = seeded(seed * 7919 + c.file.length);
        const doc = parse(c);
        const edits: string[] = [];
        for (let i = 0, n = 1 + rng.int(6); i < n; i++) edits.push(mutateOnce(doc, rng));
        const label = `${c.file} seed ${seed} (${edits.join(', ')})`;
        let read: PageRead | undefined;
        expect(() => (read = readSafely(c, doc)), label).not.toThrow();
        checkRead(read!, label);
      }
    });
  }

  it('a page stripped of every attribute reports that it found nothing where it expected tasks', () => {
    for (const c of CASES) {
      const pristine = readSafely(c, parse(c));
      const doc = parse(c);
      for (const el of doc.body.querySelectorAll('*')) for (const a of [...el.attributes]) el.removeAttribute(a.name);
      const read = readSafely(c, doc);
      checkRead(read, c.file);
      expect(read.health.route, c.file).toBe(pristine.health.route);
      if (pristine.tasks.length > 0) {
        const degraded = read.tasks.length < pristine.tasks.length || Object.values(read.health.missing).some((n) => n > 0);
        expect(degraded, `${c.file}: health should show the loss`).toBe(true);
      }
    }
  });

  it('a 100k-character title is read without throwing and clipped to what the background accepts', () => {
    for (const c of CASES) {
      const doc = parse(c);
      const pristine = readSafely(c, parse(c));
      for (const t of readSafely(c, doc).tasks) {
        // Put the huge title into every text node of the task's container.
        const walker = doc.createTreeWalker(t.container, NodeFilter.SHOW_TEXT);
        for (let n = walker.nextNode(); n; n = walker.nextNode()) n.textContent = `${n.textContent} ${'y'.repeat(100_000)}`;
      }
      const read = readSafely(c, doc);
      checkRead(read, c.file);
      expect(read.health.route, c.file).toBe(pristine.health.route);
    }
  });
});
