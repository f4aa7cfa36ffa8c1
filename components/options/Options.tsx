import { useEffect, useState } from 'preact/hooks';
// "Not saved: …" quotes zod's message: load them in English (see the module).
import '@/utils/zod-messages';
import { loadSettings, settingsItem, SettingsSchema, type Settings } from '@/utils/settings';
import { DataTools } from './DataTools';

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const SITES = [
  ['trello', 'Trello'],
  ['asana', 'Asana'],
  ['upwork', 'Upwork'],
] as const;

/** The options page: how sure Leeway aims to be, the owner's calendar, when to speak, and the data tools. */
export function Options() {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [status, setStatus] = useState<string | null>(null);

  useEffect(() => {
    void loadSettings().then(setSettings);
    return settingsItem.watch(() => void loadSettings().then(setSettings));
  }, []);

  const save = async (next: Settings) => {
    const parsed = SettingsSchema.safeParse(next);
    if (!parsed.success) {
      setStatus(`Not saved: ${parsed.error.issues[0]?.message ?? 'invalid value'}`);
      return;
    }
    setSettings(parsed.data);
    await settingsItem.setValue(parsed.data);
    setStatus('Saved.');
  };

  if (!settings) return <p>Loading…</p>;
  const pct = (p: number) => Math.round(p * 100);
  const setTarget = (which: keyof Settings['targets'], value: string) =>
    void save({ ...settings, targets: { ...settings.targets, [which]: Number(value) / 100 } });

  return (
    <main>
      <h1>Leeway settings</h1>
      <p class="lead">Leeway tells you what date to give a contractor so your client's deadline holds, and stays quiet while it does.</p>
      <p class="status" role="status">{status}</p>

      <section aria-labelledby="targets">
        <h2 id="targets">How sure to be</h2>
        <p class="hint">The chance of meeting the client deadline that suggested told dates aim for.</p>
        <div class="grid">
          <NumberField label="Normal tasks" suffix="%" min={50} max={99} value={pct(settings.targets.default)} onChange={(v) => setTarget('default', v)} />
          <NumberField label="Critical tasks" suffix="%" min={50} max={99} value={pct(settings.targets.critical)} onChange={(v) => setTarget('critical', v)} />
          <NumberField label="Low-stakes tasks" suffix="%" min={50} max={99} value={pct(settings.targets.lowStakes)} onChange={(v) => setTarget('lowStakes', v)} />
          <NumberField
            label="Review margin"
            suffix="working days"
            min={0}
            max={30}
            value={settings.reviewMarginDays}
            onChange={(v) => void save({ ...settings, reviewMarginDays: Number(v) })}
          />
        </div>
      </section>

      <section aria-labelledby="calendar">
        <h2 id="calendar">Your calendar</h2>
        <fieldset>
          <legend>Working days</legend>
          {WEEKDAYS.map((day, i) => (
            <label class="check" key={day}>
              <input
                type="checkbox"
                checked={settings.workingDays.includes(i)}
                onChange={(e) => {
                  const days = e.currentTarget.checked ? [...settings.workingDays, i] : settings.workingDays.filter((d) => d !== i);
                  void save({ ...settings, workingDays: [...new Set(days)].sort() });
                }}
              />
              {day}
            </label>
          ))}
        </fieldset>
        <Holidays settings={settings} onChange={(holidays) => void save({ ...settings, holidays })} />
      </section>

      <section aria-labelledby="speaking">
        <h2 id="speaking">When Leeway speaks</h2>
        <label class="check">
          <input type="checkbox" checked={settings.letGo} onChange={(e) => void save({ ...settings, letGo: e.currentTarget.checked })} />
          Let go: nothing at all while everything is on track
        </label>
        <label class="check">
          <input
            type="checkbox"
            checked={settings.notifications.enabled}
            onChange={(e) => void save({ ...settings, notifications: { ...settings.notifications, enabled: e.currentTarget.checked } })}
          />
          Notify me when a task turns yellow or red, misses a checkpoint, or the client needs telling
        </label>
        <label class="check">
          <input
            type="checkbox"
            checked={settings.notifications.dailyDigest}
            onChange={(e) => void save({ ...settings, notifications: { ...settings.notifications, dailyDigest: e.currentTarget.checked } })}
          />
          One daily digest instead of single notifications
        </label>
        <div class="row">
          <label class="check">
            <input
              type="checkbox"
              checked={settings.quietHours.enabled}
              onChange={(e) => void save({ ...settings, quietHours: { ...settings.quietHours, enabled: e.currentTarget.checked } })}
            />
            Quiet hours from
          </label>
          <input
            type="time"
            aria-label="Quiet hours start"
            value={settings.quietHours.from}
            onChange={(e) => void save({ ...settings, quietHours: { ...settings.quietHours, from: e.currentTarget.value } })}
          />
          <span>to</span>
          <input
            type="time"
            aria-label="Quiet hours end"
            value={settings.quietHours.to}
            onChange={(e) => void save({ ...settings, quietHours: { ...settings.quietHours, to: e.currentTarget.value } })}
          />
        </div>
      </section>

      <section aria-labelledby="sites">
        <h2 id="sites">Sites</h2>
        {SITES.map(([id, name]) => (
          <label class="check" key={id}>
            <input
              type="checkbox"
              checked={settings.sites[id]}
              onChange={(e) => void save({ ...settings, sites: { ...settings.sites, [id]: e.currentTarget.checked } })}
            />
            Read {name}
          </label>
        ))}
      </section>

      <DataTools />
    </main>
  );
}

function NumberField(props: { label: string; suffix: string; min: number; max: number; value: number; onChange: (value: string) => void }) {
  return (
    <label class="field">
      <span>{props.label}</span>
      <span class="input">
        <input
          type="number"
          min={props.min}
          max={props.max}
          value={props.value}
          onChange={(e) => {
            const n = Number(e.currentTarget.value);
            if (Number.isFinite(n) && n >= props.min && n <= props.max) props.onChange(e.currentTarget.value);
            else e.currentTarget.value = String(props.value);
          }}
        />
        {props.suffix}
      </span>
    </label>
  );
}

function Holidays({ settings, onChange }: { settings: Settings; onChange: (holidays: string[]) => void }) {
  const [draft, setDraft] = useState('');
  return (
    <fieldset>
      <legend>Holidays (no work is expected)</legend>
      <ul class="holidays">
        {settings.holidays.map((d) => (
          <li key={d}>
            {d}
            <button type="button" class="link" aria-label={`Remove ${d}`} onClick={() => onChange(settings.holidays.filter((h) => h !== d))}>
              remove
            </button>
          </li>
        ))}
      </ul>
      <div class="row">
        <input type="date" aria-label="Holiday to add" value={draft} onInput={(e) => setDraft(e.currentTarget.value)} />
        <button
          type="button"
          disabled={!draft}
          onClick={() => {
            onChange([...new Set([...settings.holidays, draft])].sort());
            setDraft('');
          }}
        >
          Add holiday
        </button>
      </div>
    </fieldset>
  );
}
