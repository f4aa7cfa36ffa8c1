// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { TaskObservationSchema } from '@/utils/model/observation';
import { readToEnd } from '@/utils/slices';
import { boardReader, parseMemberLabel, readBoard, shortLinkFromHref, toObservations, type DomCard } from '@/utils/sites/trello/reader';
import { matchTrelloRoute } from '@/utils/sites/trello/routes';
import { generateBoardHtml, generateBoardModel } from '../../fixtures/trello/generate-board';
import { BOARD_URL, DIALOG_URL, FIXTURE_TODAY, fixtureDocument, fixtureText, parseHtml } from './fixtures';

const opts = { today: FIXTURE_TODAY, pageUrl: BOARD_URL };

/** The comparable part of a card (elements left out). */
function summary(card: DomCard) {
  return {
    title: card.title,
    list: card.list,
    dueText: card.dueText,
    start: card.start,
    due: card.due,
    dueUnparsed: card.dueUnparsed,
    done: card.done,
    members: card.members.map((m) => `${m.fullName} (${m.username})`),
  };
}

const EXPECTED: Record<string, ReturnType<typeof summary>> = {
  Hn2KdL5q: { title: 'Logo export', list: 'Backlog', dueText: null, start: null, due: null, dueUnparsed: false, done: false, members: [] },
  Tg5HjK9e: { title: 'SEO audit', list: 'Backlog', dueText: 'Dec 28 - Jan 4, 2027', start: '2026-12-28', due: '2027-01-04', dueUnparsed: false, done: false, members: ['Chen Wei (chenwei)', 'Ana Ruiz (anaruiz)', 'Ben Okafor (benok)'] },
  Mr8XcV1z: { title: 'Brand guidelines', list: 'Backlog', dueText: 'Dec 12', start: null, due: '2026-12-12', dueUnparsed: false, done: false, members: ['Dana Smith (danasmith)'] },
  AbC123xy: { title: 'Homepage hero', list: 'In progress', dueText: 'Dec 10', start: null, due: '2026-12-10', dueUnparsed: false, done: false, members: ['Ana Ruiz (anaruiz)'] },
  Qw9RtY12: { title: 'Pricing page', list: 'In progress', dueText: 'Dec 3 - Dec 8', start: '2026-12-03', due: '2026-12-08', dueUnparsed: false, done: false, members: ['Ben Okafor (benok)', 'Ana Ruiz (anaruiz)'] },
  Pr4sT8vW: { title: 'Copy review <img src=x onerror=alert(1)>', list: 'Review', dueText: 'Jan 8, 2027', start: null, due: '2027-01-08', dueUnparsed: false, done: false, members: ['María José (MJ) Núñez (mjnunez)'] },
  Ym6VbC3x: { title: 'Client feedback round', list: 'Review', dueText: 'Someday', start: null, due: null, dueUnparsed: true, done: false, members: ['Ben Okafor (benok)'] },
  Wq3ErT7y: { title: 'Launch checklist', list: 'Review', dueText: 'Dec 2', start: null, due: '2026-12-02', dueUnparsed: false, done: false, members: ['María José (MJ) Núñez (mjnunez)', 'Ana Ruiz (anaruiz)'] },
  Zz7LmN00: { title: 'Analytics setup', list: 'Done', dueText: 'Nov 27', start: null, due: '2026-11-27', dueUnparsed: false, done: true, members: ['Chen Wei (chenwei)'] },
};

describe('shortLinkFromHref', () => {
  // What the full parse (URL, then the card route) says: the shortcut for plain card links must agree with it.
  const slow = (href: string) => {
    const match = matchTrelloRoute(new URL(href, 'https://trello.com/').href);
    return match?.kind === 'card' ? match.shortLink : null;
  };
  const hrefs = [
    '/c/AbC123xy/14-homepage-hero',
    '/c/AbC123xy',
    '/c/AbC123xy/',
    '/c/AbC123xy/14',
    '/c/AbC123xy/14-homepage-hero?utm=x#comment-1',
    '/c/AbC123xy/14-caf%C3%A9-menu',
    '/c/AbC123xy/14-café-menu',
    '/c/AbC123xy/14-a b',
    '/c/AbC123xy/14-a\\b',
    '/c/AbC123xy/../b/Kx7pQ2mN',
    '/c/AbC123xy/14-x/extra',
    '/c/AbC123x/14-short',
    '/c/AbC123xyz/14-long',
    '/c/AbC123xy/homepage-hero',
    '//evil.example/c/AbC123xy/14-x',
    '/C/AbC123xy/14-x',
    'https://trello.com/c/AbC123xy/14-x',
    'https://evil.example/c/AbC123xy/14-x',
    '/b/Kx7pQ2mN/board',
    'c/AbC123xy/14-x',
    '\t/c/AbC123xy/14-x',
  ];
  it.each(hrefs)('%s reads as the full parse reads it', (href) => {
    expect(shortLinkFromHref(href)).toBe(slow(href));
  });
  it('reads plain card links', () => {
    expect(shortLinkFromHref('/c/AbC123xy/14-homepage-hero')).toBe('AbC123xy');
    expect(shortLinkFromHref('https://evil.example/c/AbC123xy/14-x')).toBeNull();
    expect(shortLinkFromHref(null)).toBeNull();
  });
});

describe('parseMemberLabel', () => {
  it.each([
    ['Ana Ruiz (anaruiz)', { fullName: 'Ana Ruiz', username: 'anaruiz' }],
    ['María José (MJ) Núñez (mjnunez)', { fullName: 'María José (MJ) Núñez', username: 'mjnunez' }],
    ['  Bob   (bob_2) ', { fullName: 'Bob', username: 'bob_2' }],
    ['(solo)', { fullName: 'solo', username: 'solo' }],
  ])('%s', (label, expected) => expect(parseMemberLabel(label)).toEqual(expected));

  it.each(['Ana Ruiz', '', 'Ana (x y)', 'Ana (anaruiz'])('rejects %j', (label) => expect(parseMemberLabel(label)).toBeNull());
});

describe('readBoard on the new UI board', () => {
  const doc = fixtureDocument('board-new-ui.html');
  const read = readBoard(doc, opts);

  it('reads every card with its fields', () => {
    expect(read.health).toEqual({ route: 'board', cardsFound: 9, missing: { shortLink: 0, title: 0, list: 0, due: 1, members: 0, card: 0 } });
    expect(Object.fromEntries(read.cards.map((c) => [c.shortLink, summary(c)]))).toEqual(EXPECTED);
    expect(read.dialog).toBeNull();
    expect(read.boardName).toBe('Client Site Launch');
  });

  it('points at the elements the chips go into and after', () => {
    for (const card of read.cards) {
      expect(card.element.matches('li[data-testid="list-card"]')).toBe(true);
      if (card.dueText) expect(card.dueBadge?.getAttribute('data-testid')).toMatch(/^badge-due-date-/);
      else expect(card.dueBadge).toBeNull();
      for (const m of card.members) expect(m.element.matches('[data-testid="card-front-member"], [data-testid="mirror-card-member"]')).toBe(true);
    }
  });

  it('keeps the HTML-looking title as text', () => {
    const card = read.cards.find((c) => c.shortLink === 'Pr4sT8vW')!;
    expect(card.element.querySelector('img')).toBeNull();
    expect(card.title).toContain('<img');
  });

  it('builds valid observations', () => {
    const observations = toObservations(read.cards, read.dialog, { pageUrl: BOARD_URL, boardName: read.boardName });
    expect(observations).toHaveLength(9);
    for (const o of observations) expect(TaskObservationSchema.safeParse(o).success).toBe(true);
    expect(observations.find((o) => o.nativeId === 'Qw9RtY12')).toEqual({
      key: 'trello:Qw9RtY12',
      site: 'trello',
      nativeId: 'Qw9RtY12',
      title: 'Pricing page',
      url: 'https://trello.com/c/Qw9RtY12',
      board: 'Client Site Launch',
      list: 'In progress',
      assignees: [
        { site: 'trello', handle: 'benok', displayName: 'Ben Okafor' },
        { site: 'trello', handle: 'anaruiz', displayName: 'Ana Ruiz' },
      ],
      due: '2026-12-08',
      dueText: 'Dec 3 - Dec 8',
      dueUnparsed: false,
      done: false,
      // The card front's checklist badge reads 2/5.
      progress: 0.4,
      source: 'dom',
    });
    const someday = observations.find((o) => o.nativeId === 'Ym6VbC3x')!;
    expect([someday.due, someday.dueUnparsed, someday.dueText]).toEqual([null, true, 'Someday']);
  });

  it('reports a card shown twice once', () => {
    const twice = [...read.cards, read.cards[0]!];
    expect(toObservations(twice, null, { pageUrl: BOARD_URL, boardName: null })).toHaveLength(9);
  });
});

describe('readBoard on the legacy UI board', () => {
  const read = readBoard(fixtureDocument('board-legacy-ui.html'), opts);

  it('reads the same cards through the fallbacks', () => {
    const { Mr8XcV1z: _mirror, ...withoutMirror } = EXPECTED; // the legacy UI had no mirror cards
    expect(read.health).toEqual({ route: 'board', cardsFound: 8, missing: { shortLink: 0, title: 0, list: 0, due: 1, members: 0, card: 0 } });
    expect(Object.fromEntries(read.cards.map((c) => [c.shortLink, summary(c)]))).toEqual(withoutMirror);
    expect(read.boardName).toBe('Client Site Launch');
    for (const card of read.cards) expect(card.element.matches('a.list-card')).toBe(true);
    expect(read.cards.find((c) => c.shortLink === 'Zz7LmN00')?.dueBadge?.classList.contains('js-due-date-badge')).toBe(true);
  });
});

describe('readBoard with the card dialog open', () => {
  const doc = fixtureDocument('card-dialog.html');

  it('reads the dialog, taking its shortLink from the /c/ URL', () => {
    const read = readBoard(doc, { today: FIXTURE_TODAY, pageUrl: DIALOG_URL });
    expect(read.health.route).toBe('card');
    expect(read.cards).toHaveLength(9);
    const dialog = read.dialog!;
    expect(dialog.element.getAttribute('data-testid')).toBe('card-back-name');
    expect({ shortLink: dialog.shortLink, title: dialog.title, list: dialog.list, dueText: dialog.dueText, due: dialog.due, done: dialog.done }).toEqual({
      shortLink: 'AbC123xy',
      title: 'Homepage hero',
      list: 'In progress',
      dueText: 'Dec 10, 12:00 PM',
      due: '2026-12-10',
      done: false,
    });
    expect(dialog.members.map((m) => [m.username, m.element.getAttribute('data-testid')])).toEqual([['anaruiz', 'card-back-member-avatar']]);

    const observations = toObservations(read.cards, read.dialog, { pageUrl: DIALOG_URL, boardName: read.boardName });
    expect(observations).toHaveLength(9);
    const open = observations.find((o) => o.key === 'trello:AbC123xy')!;
    expect([open.dueText, open.due, open.list]).toEqual(['Dec 10, 12:00 PM', '2026-12-10', 'In progress']);
  });

  it('does not guess the dialog card on a non-/c/ URL', () => {
    const read = readBoard(doc, opts);
    expect(read.dialog).toBeNull();
    expect(read.health.missing.shortLink).toBe(1);
  });

  it('reads a legacy card-detail window', () => {
    const legacy = parseHtml(`<html><head><title>x</title></head><body>
      <div class="card-detail-window"><div class="window-title"><h2>Old card</h2></div>
        <p>in list <a class="js-open-move-from-header" href="#">Review</a></p>
        <div class="js-card-detail-members-list"><div class="member" data-idmem="1"><span class="member-initials" title="Old Timer (oldtimer)">OT</span></div></div>
        <a class="card-detail-due-date-badge is-due-complete"><span>Mar 5</span></a>
      </div></body></html>`);
    const dialog = readBoard(legacy, { today: '2027-02-01', pageUrl: 'https://trello.com/c/OldC4rd1/9-old-card' }).dialog!;
    expect({ title: dialog.title, list: dialog.list, due: dialog.due, done: dialog.done, members: dialog.members.map((m) => m.username) }).toEqual({
      title: 'Old card',
      list: 'Review',
      due: '2027-03-05',
      done: true,
      members: ['oldtimer'],
    });
  });
});

describe('boardReader: the same read, a slice at a time', () => {
  const today = '2026-12-01';
  const model = generateBoardModel({ cards: 200, seed: 7, today });
  const pageUrl = `https://trello.com/c/${model.cards[3]!.shortLink}/4-x`;
  const doc = parseHtml(generateBoardHtml({ cards: 200, seed: 7, today }));

  it('reads one card per step when time is always up, and ends with what readBoard reads', () => {
    const reader = boardReader(doc, { today, pageUrl });
    let steps = 1;
    while (reader.readSome(() => true)) steps++;
    expect(steps).toBe(200);
    expect(reader.finish()).toEqual(readBoard(doc, { today, pageUrl }));
  });

  it('reads on until time is up', () => {
    const reader = boardReader(doc, { today, pageUrl });
    let calls = 0;
    // Time is up after the 50th card.
    expect(reader.readSome(() => ++calls >= 50)).toBe(true);
    expect(reader.readSome(() => false)).toBe(false);
    const read = reader.finish();
    expect(read.cards).toHaveLength(200);
    expect(read.health.cardsFound).toBe(200);
  });

  it('`only` reads just the cards it accepts (the cards on screen first), each as the whole read reads it', () => {
    const whole = readBoard(doc, { today, pageUrl });
    const picked = new Set(whole.cards.filter((_, i) => i % 7 === 0).map((c) => c.element));
    const some = boardReader(doc, { today, pageUrl, only: (element) => picked.has(element) });
    while (some.readSome(() => false));
    const read = some.finish();
    expect(read.cards).toEqual(whole.cards.filter((c) => picked.has(c.element)));
    expect(read.cards).toHaveLength(picked.size);
  });

  it('`only` leaves the open card dialog to be read in any case (it is on screen)', () => {
    const dialogPage = fixtureDocument('card-dialog.html');
    const reader = boardReader(dialogPage, { today: FIXTURE_TODAY, pageUrl: DIALOG_URL, only: () => false });
    while (reader.readSome(() => false));
    const read = reader.finish();
    expect(read.cards).toEqual([]);
    expect(read.dialog?.shortLink).toBe(readBoard(dialogPage, { today: FIXTURE_TODAY, pageUrl: DIALOG_URL }).dialog?.shortLink);
    expect(read.dialog).not.toBeNull();
  });

  it('`containers` reads the cards given, as the whole read reads them, without the ones gone from the page', () => {
    const fresh = parseHtml(generateBoardHtml({ cards: 200, seed: 7, today }));
    const whole = readBoard(fresh, { today, pageUrl });
    const given = whole.cards.filter((_, i) => i % 9 === 0).map((c) => c.element);
    const gone = given[1]!;
    gone.remove();
    const some = boardReader(fresh, { today, pageUrl, containers: given });
    while (some.readSome(() => false));
    const read = some.finish();
    expect(read.cards).toEqual(whole.cards.filter((c) => given.includes(c.element) && c.element !== gone));
    expect(read.cards).toHaveLength(given.length - 1);
  });

  it('`containers` with `only`: both apply', () => {
    const whole = readBoard(doc, { today, pageUrl });
    const given = whole.cards.slice(0, 10).map((c) => c.element);
    const some = boardReader(doc, { today, pageUrl, containers: given, only: (element) => element !== given[0] });
    while (some.readSome(() => false));
    expect(some.finish().cards.map((c) => c.shortLink)).toEqual(whole.cards.slice(1, 10).map((c) => c.shortLink));
  });

  it('`containers` reads the open card dialog only when it is given', () => {
    const dialogPage = fixtureDocument('card-dialog.html');
    const everything = readBoard(dialogPage, { today: FIXTURE_TODAY, pageUrl: DIALOG_URL });
    // The dialog's own card front: the dialog takes what it does not show (the list) from it.
    const front = everything.cards.find((c) => c.shortLink === everything.dialog!.shortLink)!.element;
    const withoutDialog = readToEnd(boardReader(dialogPage, { today: FIXTURE_TODAY, pageUrl: DIALOG_URL, containers: [front] }));
    expect(withoutDialog.dialog).toBeNull();
    expect(withoutDialog.cards.map((c) => c.element)).toEqual([front]);
    const withDialog = readToEnd(
      boardReader(dialogPage, { today: FIXTURE_TODAY, pageUrl: DIALOG_URL, containers: [front, everything.dialog!.element] }),
    );
    expect(withDialog.dialog).toEqual(everything.dialog);
    expect(withDialog.cards.map((c) => c.element)).toEqual([front]);
  });

  it('an empty page: nothing to read, and an empty read', () => {
    const reader = boardReader(parseHtml('<main></main>'), { today, pageUrl });
    expect(reader.readSome(() => false)).toBe(false);
    expect(reader.finish()).toMatchObject({ cards: [], dialog: null, health: { cardsFound: 0 } });
  });
});

describe('readBoard on a generated 200-card board', () => {
  const today = '2026-12-01';
  const model = generateBoardModel({ cards: 200, seed: 7, today });
  const html = generateBoardHtml({ cards: 200, seed: 7, today });

  it.each(['new', 'legacy'] as const)('%s UI: every card matches the model', (ui) => {
    const doc = parseHtml(ui === 'new' ? html : generateBoardHtml({ cards: 200, seed: 7, today, ui }));
    const read = readBoard(doc, { today, pageUrl: `https://trello.com/b/${model.shortLink}/${model.slug}` });
    expect(read.health.cardsFound).toBe(200);
    expect(read.health.missing).toEqual({ shortLink: 0, title: 0, list: 0, due: 0, members: 0, card: 0 });
    const byLink = new Map(read.cards.map((c) => [c.shortLink, c]));
    for (const card of model.cards) {
      const dom = byLink.get(card.shortLink)!;
      expect(dom, card.shortLink).toBeDefined();
      expect({
        title: dom.title,
        list: dom.list,
        due: dom.due,
        start: dom.start,
        done: dom.done,
        members: dom.members.map((m) => m.username),
      }).toEqual({
        title: card.name,
        list: model.lists.find((l) => l.id === card.idList)!.name,
        due: card.due?.slice(0, 10) ?? null,
        start: card.start?.slice(0, 10) ?? null,
        done: card.dueComplete,
        members: card.members.map((m) => m.username),
      });
    }
  });

  it('is deterministic for a seed', () => {
    expect(generateBoardHtml({ cards: 200, seed: 7, today })).toBe(html);
    expect(generateBoardHtml({ cards: 200, seed: 8, today })).not.toBe(html);
  });
});

describe('readBoard on mangled markup', () => {
  it('never throws and reports what it could not read', () => {
    const doc = parseHtml(fixtureText('board-new-ui.html'));
    const links = doc.querySelectorAll('a[data-testid="card-name"]');
    links[0]!.removeAttribute('href'); // Backlog's first card: no shortLink → skipped
    links[1]!.textContent = ''; // no title
    doc.querySelectorAll('[data-testid="card-front-member"]').forEach((m, i) => {
      if (i < 3) {
        m.removeAttribute('aria-label');
        m.removeAttribute('title');
        m.querySelector('[aria-label]')?.removeAttribute('aria-label');
      }
    });
    doc.querySelectorAll('[data-testid="badge-due-date-not-completed"]').forEach((b, i) => {
      if (i % 2 === 0) b.textContent = '¿¿ 99 ¿¿ \u0000';
    });
    doc.querySelector('[data-testid="list-name"]')!.removeAttribute('data-testid');
    // One card whose DOM API throws when read.
    const cursed = doc.querySelectorAll('li[data-testid="list-card"]')[5]!.querySelector('a[data-testid="card-name"]')!;
    Object.defineProperty(cursed, 'getAttribute', { value: () => { throw new Error('boom'); } });

    let read: ReturnType<typeof readBoard> | undefined;
    expect(() => { read = readBoard(doc, opts); }).not.toThrow();
    const { health, cards } = read!;
    expect(health.cardsFound).toBe(9);
    expect(health.missing.shortLink).toBe(1);
    expect(health.missing.card).toBe(1);
    expect(health.missing.title).toBe(1);
    expect(health.missing.list).toBe(2); // the Backlog list's two remaining cards
    expect(health.missing.members).toBe(1); // the three stripped avatars are all on SEO audit
    expect(health.missing.due).toBe(4); // three garbled badges (the fourth is on the thrown card) + "Someday"
    expect(cards).toHaveLength(7);
    const seo = cards.find((c) => c.shortLink === 'Tg5HjK9e')!;
    expect([seo.title, seo.list, seo.members, seo.due, seo.dueUnparsed]).toEqual(['', null, [], null, true]);
    for (const o of toObservations(cards, null, { pageUrl: BOARD_URL, boardName: null })) {
      expect(TaskObservationSchema.safeParse(o).success).toBe(true);
    }
  });

  it('copes with an empty page, garbage markup and a random URL', () => {
    for (const html of ['', '<div><li data-testid="list-card"><a data-testid="card-name" href="javascript:alert(1)">x</a></li>', '<<<>>>&&&']) {
      const read = readBoard(parseHtml(html), { today: FIXTURE_TODAY, pageUrl: 'about:blank' });
      expect(read.cards).toEqual([]);
      expect(read.health.route).toBeNull();
    }
  });

  it('takes an Element root, not only a Document', () => {
    const doc = fixtureDocument('board-new-ui.html');
    const firstList = doc.querySelector('[data-testid="list"]')!;
    expect(readBoard(firstList, opts).cards.map((c) => c.shortLink)).toEqual(['Hn2KdL5q', 'Tg5HjK9e', 'Mr8XcV1z']);
  });
});
