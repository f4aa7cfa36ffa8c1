import { useEffect, useState } from 'preact/hooks';
import { storage } from '#imports';
import { browser } from 'wxt/browser';
import { diagnose, HealthReportSchema, type Diagnosis } from '@/utils/health/report';
import { healthKey } from '@/utils/health/storage';

/** The tab the popup speaks about: `?tab=<id>` (tests, a popup opened as a page), else the active tab. */
async function currentTabId(): Promise<number | undefined> {
  const fromQuery = Number(new URLSearchParams(location.search).get('tab'));
  if (Number.isInteger(fromQuery) && fromQuery > 0) return fromQuery;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

/** How well Leeway could read the current tab: said plainly when a site's layout breaks a reader. */
export function PageHealth() {
  const [diagnosis, setDiagnosis] = useState<Diagnosis | null>(null);
  useEffect(() => {
    let unwatch = () => {};
    void currentTabId().then((tabId) => {
      if (tabId === undefined) return;
      const key = healthKey(tabId);
      const show = (value: unknown) => {
        const parsed = HealthReportSchema.safeParse(value);
        setDiagnosis(parsed.success ? diagnose(parsed.data) : null);
      };
      // A report that changes while the first read is on its way arrives through the watch; the read, answered
      // from before that change, must not put the older report back over it.
      let changed = false;
      unwatch = storage.watch(key, (value) => {
        changed = true;
        show(value);
      });
      void storage.getItem(key).then((value) => {
        if (!changed) show(value);
      });
    });
    return () => unwatch();
  }, []);
  if (!diagnosis) return null;
  return (
    <div class={`health health-${diagnosis.level}`} role={diagnosis.level === 'problem' ? 'alert' : 'status'} data-health={diagnosis.level}>
      <div>{diagnosis.message}</div>
      {diagnosis.level === 'problem' && diagnosis.details.length > 0 && (
        <ul>
          {diagnosis.details.map((d) => (
            <li key={d}>{d}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
