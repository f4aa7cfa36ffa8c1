// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { readProfilePeople, readProposalPeople } from '@/utils/sites/upwork/people';
import { PROFILE_URL, fixtureDocument, fixtureText, parseHtml } from './fixtures';

describe('readProfilePeople', () => {
  it('badges the profile subject after the name heading, leaving the Job Success Score alone', () => {
    const doc = fixtureDocument('freelancer-profile.html');
    const people = readProfilePeople(doc, PROFILE_URL);
    expect(people).toHaveLength(1); // not the "similar freelancers" rail
    const [person] = people;
    expect(person!.contractorId).toBe('upwork:~01aa11bb22cc33dd44');
    expect(person!.element.tagName).toBe('H2');
    expect(person!.element.textContent).toBe('Priya K.');
    const jss = doc.querySelector('[data-test="job-success-score"]')!;
    expect(jss.textContent).toContain('100% Job Success');
    expect(person!.element.contains(jss) || jss.contains(person!.element)).toBe(false);
  });

  it('takes the id from the canonical link when the URL has none, and gives up without a name', () => {
    const doc = fixtureDocument('freelancer-profile.html');
    expect(readProfilePeople(doc, 'https://www.upwork.com/fl/priyak')[0]?.contractorId).toBe('upwork:~01aa11bb22cc33dd44');
    doc.querySelector('[data-test="freelancer-profile-name"]')!.removeAttribute('data-test');
    expect(readProfilePeople(doc, PROFILE_URL)[0]?.element.getAttribute('itemprop')).toBe('name'); // itemprop fallback
    doc.querySelector('[itemprop="name"]')!.textContent = '';
    expect(readProfilePeople(doc, PROFILE_URL)).toEqual([]);
    expect(readProfilePeople(parseHtml('<<<>>>'), PROFILE_URL)).toEqual([]);
  });
});

describe('readProposalPeople', () => {
  it('finds the three freelancers, one per proposal, at their name elements', () => {
    const doc = fixtureDocument('proposals.html');
    const read = readProposalPeople(doc);
    expect(read.cardsFound).toBe(3);
    expect(read.unreadable).toBe(0);
    expect(read.people.map((p) => [p.contractorId, p.element.textContent])).toEqual([
      ['upwork:~01aa11bb22cc33dd44', 'Priya K.'],
      ['upwork:~0198765432fedcba10', 'Tomás Ñúñez'],
      ['upwork:~01c0ffee0123456789', 'Aiyana "AJ" Jones <QA>'], // no link: ciphertext from the card's attribute
    ]);
    // Linked names are badged after the link (not inside it, not after the avatar).
    expect(read.people[0]!.element.getAttribute('data-test')).toBe('UpLink');
    expect(read.people[2]!.element.tagName).toBe('H4');
  });

  it('without card attributes, badges every named freelancer link', () => {
    const doc = parseHtml(fixtureText('proposals.html'));
    doc.querySelectorAll('[data-test="proposal-card"]').forEach((c) => {
      c.removeAttribute('data-test');
      c.removeAttribute('data-ev-contractor_ciphertext');
    });
    const read = readProposalPeople(doc);
    expect(read.cardsFound).toBe(0);
    expect(read.people.map((p) => p.contractorId)).toEqual(['upwork:~01aa11bb22cc33dd44', 'upwork:~0198765432fedcba10']);
  });

  it('counts cards it cannot read and never throws', () => {
    const doc = parseHtml(fixtureText('proposals.html'));
    const cards = doc.querySelectorAll('[data-test="proposal-card"]');
    cards[2]!.setAttribute('data-ev-contractor_ciphertext', 'not-a-ciphertext');
    // A card whose DOM throws when read (the name link is unreachable and so is the attribute).
    Object.defineProperty(cards[1]!, 'querySelectorAll', { value: () => { throw new Error('boom'); } });
    Object.defineProperty(cards[1]!, 'getAttribute', { value: () => { throw new Error('boom'); } });
    const read = readProposalPeople(doc);
    expect(read.people.map((p) => p.contractorId)).toEqual(['upwork:~01aa11bb22cc33dd44']);
    expect(read.unreadable).toBe(2);
  });
});
