/** Health reports live in session storage per tab: they describe what a tab shows now, not history. */
export function healthKey(tabId: number): `session:health:${number}` {
  return `session:health:${tabId}`;
}
