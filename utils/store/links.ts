import type { HistoryDb } from './db';
import type { ContractorRecord } from './schema';

/**
 * One person, several site identities: linking moves an identity into another contractor's record, so
 * forecasts and badges use the merged history. Tasks and events keep naming the identity, which is why
 * linking is cheap and undoing it loses nothing.
 */
export async function linkIdentity(
  db: HistoryDb,
  intoContractorId: string,
  identityKey: string,
  now: string,
): Promise<ContractorRecord> {
  const tx = db.transaction('contractors', 'readwrite');
  const target = await tx.store.get(intoContractorId);
  const source = await tx.store.index('byHandle').get(identityKey);
  if (!target) throw new Error(`No contractor ${intoContractorId}`);
  if (!source) throw new Error(`No contractor has the identity ${identityKey}`);
  if (source.id === target.id) {
    await tx.done;
    return target;
  }
  const moving = source.identities.filter((i) => `${i.site}:${i.handle}` === identityKey);
  target.identities.push(...moving.map((i) => ({ ...i, linkedAt: now })));
  target.identityKeys.push(identityKey);
  source.identities = source.identities.filter((i) => `${i.site}:${i.handle}` !== identityKey);
  source.identityKeys = source.identityKeys.filter((k) => k !== identityKey);
  if (source.identityKeys.length === 0) await tx.store.delete(source.id);
  else await tx.store.put(source);
  await tx.store.put(target);
  await tx.done;
  return target;
}

/** Undoes a link: the identity gets its own contractor record back (id = the identity key). */
export async function unlinkIdentity(db: HistoryDb, identityKey: string, now: string): Promise<void> {
  const tx = db.transaction('contractors', 'readwrite');
  const owner = await tx.store.index('byHandle').get(identityKey);
  if (!owner || owner.identityKeys.length < 2) {
    await tx.done;
    return;
  }
  const identity = owner.identities.find((i) => `${i.site}:${i.handle}` === identityKey);
  owner.identities = owner.identities.filter((i) => i !== identity);
  owner.identityKeys = owner.identityKeys.filter((k) => k !== identityKey);
  // The record's own id may be the identity leaving; the remaining identities keep the record under a new id.
  if (owner.id === identityKey) {
    await tx.store.delete(owner.id);
    owner.id = owner.identityKeys[0]!;
    owner.name = owner.identities[0]?.displayName || owner.name;
  }
  await tx.store.put(owner);
  if (identity) {
    const { linkedAt: _linked, ...plain } = identity;
    await tx.store.put({ id: identityKey, name: plain.displayName || plain.handle, identities: [plain], identityKeys: [identityKey], createdAt: now });
  }
  await tx.done;
}

const normalise = (name: string) =>
  name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/\(.*?\)/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .toLowerCase();

/** Pairs of contractors on different sites whose names match: likely one person. */
export function suggestLinks(contractors: readonly ContractorRecord[]): { a: string; b: string; name: string }[] {
  const byName = new Map<string, ContractorRecord[]>();
  for (const c of contractors) {
    const key = normalise(c.name);
    if (!key) continue;
    byName.set(key, [...(byName.get(key) ?? []), c]);
  }
  const pairs: { a: string; b: string; name: string }[] = [];
  for (const group of byName.values()) {
    for (let i = 0; i < group.length; i++) {
      for (let j = i + 1; j < group.length; j++) {
        const [a, b] = [group[i]!, group[j]!];
        const sitesA = new Set(a.identities.map((x) => x.site));
        if (b.identities.some((x) => sitesA.has(x.site))) continue;
        pairs.push({ a: a.id, b: b.id, name: a.name });
      }
    }
  }
  return pairs;
}
