import { useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { sendToBackground } from '@/utils/messages/client';
import type { TaskView } from '@/utils/messages/views';
import { todayLocal } from '@/utils/model/dates';
import { longDate, percent, relativeDue, shortDate, ZONE_WORDS } from '@/utils/overlay/format';
import { SITE_NAMES } from '@/utils/sites/names';
import { copyText } from './clipboard';

const RUNG_WORDS = { none: null, reminder: 'Reminder', escalation: 'Escalation', replace: 'Consider replacing' } as const;

/** A short brief for the contractor: the deliverable, the date to tell them, the checkpoints. */
export function briefFor(task: TaskView): string {
  const told = task.suggestedTold ?? task.toldDue;
  const lines = [task.title];
  if (told) lines.push(`Please deliver by ${longDate(told)}.`);
  const checkpoints = task.checkpoints.filter((c) => c.status === 'upcoming');
  if (checkpoints.length > 0) {
    lines.push(`Quick status notes on ${checkpoints.map((c) => shortDate(c.date)).join(', ')} are enough — no need for more.`);
  }
  if (task.url) lines.push(task.url);
  return lines.join('\n');
}

export function TaskDetail({ task, onBack, onContractor }: { task: TaskView; onBack: () => void; onContractor: (id: string) => void }) {
  const [clientDue, setClientDue] = useState(task.clientDue ?? '');
  const [reason, setReason] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const today = todayLocal();
  const late = task.toldDue !== null && (task.done ? false : today > task.toldDue);

  const saveClientDue = async (value: string | null) => {
    const reply = await sendToBackground({ type: 'set-client-due', taskKey: task.key, clientDue: value });
    setMessage(reply.ok ? (value ? 'Client deadline saved.' : 'Client deadline cleared.') : `Not saved: ${reply.error}`);
  };
  const copy = async (text: string, what: string) => setMessage((await copyText(text)) ? `${what} copied.` : `Copy failed; select the text below.`);

  return (
    <section class="detail" aria-label={`Task: ${task.title}`} data-task-detail={task.key}>
      <button type="button" class="back" onClick={onBack}>
        ← All tasks
      </button>
      <h2>{task.title || '(untitled)'}</h2>
      <div class="sub">
        {task.board ?? SITE_NAMES[task.site]}
        {task.list && ` · ${task.list}`}
        <button type="button" class="link" onClick={() => void browser.tabs.create({ url: task.url })}>
          {task.site === 'manual' ? 'Open the page' : `Open on ${SITE_NAMES[task.site]}`} ↗
        </button>
      </div>
      <dl>
        <dt>Who</dt>
        <dd>
          {task.assignees.length === 0
            ? 'unassigned'
            : task.assignees.map((a) => (
                <button type="button" class="link" key={a.id} onClick={() => onContractor(a.id)}>
                  {a.name}
                </button>
              ))}
        </dd>
        <dt>Told due</dt>
        <dd>
          {task.dueUnparsed ? `unreadable (“${task.dueText ?? ''}”)` : task.toldDue ? `${longDate(task.toldDue)} (${task.done ? 'delivered' : relativeDue(task.toldDue, today)})` : 'none'}
        </dd>
        <dt>
          <label for="client-due">Client deadline</label>
        </dt>
        <dd class="row">
          <input id="client-due" type="date" value={clientDue} onInput={(e) => setClientDue(e.currentTarget.value)} />
          <button type="button" class="primary small" disabled={!clientDue || clientDue === task.clientDue} onClick={() => void saveClientDue(clientDue)}>
            Save
          </button>
          {task.clientDue && (
            <button type="button" class="link" onClick={() => void saveClientDue(null)}>
              Clear
            </button>
          )}
        </dd>
        <dt>
          <label for="stakes">Stakes</label>
        </dt>
        <dd>
          <select
            id="stakes"
            value={task.stakes}
            onChange={(e) =>
              void sendToBackground({ type: 'set-stakes', taskKey: task.key, stakes: e.currentTarget.value as TaskView['stakes'] })
            }
          >
            <option value="normal">Normal</option>
            <option value="critical">Critical</option>
            <option value="low">Low stakes</option>
          </select>{' '}
          <span class="small">aims for {percent(task.target)}</span>
        </dd>
        {task.suggestedTold && (
          <>
            <dt>Tell them</dt>
            <dd data-suggested-told={task.suggestedTold}>{longDate(task.suggestedTold)}</dd>
          </>
        )}
        {task.bufferDays !== null && (
          <>
            <dt>Buffer</dt>
            <dd>{task.bufferDays} working days, private</dd>
          </>
        )}
        {task.chance !== null && !task.done && (
          <>
            <dt>Chance</dt>
            <dd>{percent(task.chance)} of delivery before your review deadline</dd>
          </>
        )}
        <dt>Status</dt>
        <dd class={`zone-text zone-${task.zone}`}>{ZONE_WORDS[task.zone]}</dd>
      </dl>
      {task.why && <p class="why">{task.why}</p>}
      {(task.ownerDeliveredOn || task.acceptedOn) && (
        <p class="note">
          {task.ownerDeliveredOn && `You marked it delivered on ${longDate(task.ownerDeliveredOn)}. `}
          {task.acceptedOn && `You accepted it on ${longDate(task.acceptedOn)}.`}
        </p>
      )}
      {task.note && <p class="note">{task.note}</p>}

      {task.checkpoints.length > 0 && (
        <div class="checkpoints">
          <h3>Checkpoints</h3>
          <ul>
            {task.checkpoints.map((c) => (
              <li key={c.date} class={`cp-${c.status}`} data-checkpoint={c.date} data-status={c.status}>
                {shortDate(c.date)} · {Math.round(c.fraction * 100)}% · {c.status}
                {!task.done && c.date <= today && (
                  <>
                    {c.status !== 'met' && (
                      <button type="button" class="link" onClick={() => void sendToBackground({ type: 'mark-checkpoint', taskKey: task.key, date: c.date, status: 'met' })}>
                        mark met
                      </button>
                    )}
                    {c.status !== 'missed' && (
                      <button type="button" class="link" onClick={() => void sendToBackground({ type: 'mark-checkpoint', taskKey: task.key, date: c.date, status: 'missed' })}>
                        mark missed
                      </button>
                    )}
                  </>
                )}
              </li>
            ))}
          </ul>
        </div>
      )}

      {task.rung !== 'none' && task.checkIn && (
        <div class="ladder">
          <h3>{RUNG_WORDS[task.rung]}</h3>
          <textarea readOnly rows={3} value={task.checkIn} aria-label="Check-in message" />
          <button type="button" onClick={() => void copy(task.checkIn!, 'Check-in message')}>
            Copy check-in message
          </button>
        </div>
      )}

      <div class="actions">
        <button type="button" class="primary" onClick={() => void copy(briefFor(task), 'Brief')}>
          Copy brief for the contractor
        </button>
        {task.site === 'manual' ? (
          <button type="button" onClick={() => void sendToBackground({ type: 'set-done', taskKey: task.key, done: !task.done })}>
            {task.done ? 'Reopen' : 'Mark delivered'}
          </button>
        ) : (
          !task.done &&
          !task.ownerDeliveredOn && (
            <button type="button" onClick={() => void sendToBackground({ type: 'mark-task', taskKey: task.key, mark: 'delivered' })}>
              Mark delivered
            </button>
          )
        )}
        {(task.done || task.ownerDeliveredOn) && !task.acceptedOn && (
          <button type="button" onClick={() => void sendToBackground({ type: 'mark-task', taskKey: task.key, mark: 'accepted' })}>
            Mark accepted
          </button>
        )}
      </div>

      {(late || task.done || task.excludedReason !== null) && (
        <div class="exclude">
          {task.excludedReason !== null ? (
            <>
              <p>
                Not counted against {task.assignees[0]?.name ?? 'the contractor'}: {task.excludedReason || 'no reason given'}.
              </p>
              <button type="button" onClick={() => void sendToBackground({ type: 'set-excluded', taskKey: task.key, excluded: false, reason: null })}>
                Count it again
              </button>
            </>
          ) : (
            <>
              <label for="exclude-reason">Was a delay your doing (late input, scope change)?</label>
              <div class="row">
                <input id="exclude-reason" placeholder="Reason" maxLength={500} value={reason} onInput={(e) => setReason(e.currentTarget.value)} />
                <button
                  type="button"
                  disabled={!reason.trim()}
                  onClick={() => void sendToBackground({ type: 'set-excluded', taskKey: task.key, excluded: true, reason: reason.trim() })}
                >
                  Don’t count this delay
                </button>
              </div>
            </>
          )}
        </div>
      )}
      {message && (
        <p class="notice" role="status">
          {message}
        </p>
      )}
    </section>
  );
}
