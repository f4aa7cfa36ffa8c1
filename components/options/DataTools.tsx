import { useRef, useState } from 'preact/hooks';
import { sendToBackground } from '@/utils/messages/client';

const MAX_IMPORT_BYTES = 60 * 1024 * 1024;

function download(fileName: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Export (JSON and CSV), import and erase: the owner's history is theirs to take, bring back or delete. */
export function DataTools() {
  const input = useRef<HTMLInputElement>(null);
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);

  const exportJson = async () => {
    const reply = await sendToBackground({ type: 'export-history' });
    if (reply.ok) download(reply.fileName, reply.json, 'application/json');
    else setMessage({ kind: 'error', text: `Export failed: ${reply.error}` });
  };

  const exportCsv = async () => {
    const reply = await sendToBackground({ type: 'export-deliveries-csv' });
    if (reply.ok) download(reply.fileName, reply.csv, 'text/csv');
    else setMessage({ kind: 'error', text: `Export failed: ${reply.error}` });
  };

  const importFile = async (file: File) => {
    if (file.size > MAX_IMPORT_BYTES) {
      setMessage({ kind: 'error', text: `“${file.name}” is ${Math.round(file.size / 1024 / 1024)} MB; Leeway imports files up to 60 MB. Nothing was changed.` });
      return;
    }
    setMessage({ kind: 'ok', text: `Importing “${file.name}”…` });
    const reply = await sendToBackground({ type: 'import-history', text: await file.text() });
    if (reply.ok) {
      const s = reply.summary;
      setMessage({
        kind: 'ok',
        text: `Imported “${file.name}”: ${s.tasks} tasks, ${s.contractors} contractors, ${s.events} events (${s.newEvents} new).`,
      });
    } else {
      setMessage({ kind: 'error', text: `“${file.name}” was not imported. ${reply.error} Nothing was changed.` });
    }
  };

  const erase = async () => {
    if (!confirm('Erase all of Leeway’s history in this browser? Export it first if you may want it back.')) return;
    const reply = await sendToBackground({ type: 'erase-history' });
    setMessage(reply.ok ? { kind: 'ok', text: 'Everything was erased.' } : { kind: 'error', text: `Erase failed: ${reply.error}` });
  };

  return (
    <section aria-labelledby="data">
      <h2 id="data">Your data</h2>
      <p class="hint">Leeway's history lives only in this browser. The export holds all of it and imports back exactly.</p>
      <div class="row buttons">
        <button type="button" onClick={() => void exportJson()}>
          Export history
        </button>
        <button type="button" onClick={() => input.current?.click()}>
          Import history
        </button>
        <input
          ref={input}
          type="file"
          accept=".json,application/json"
          aria-label="History file to import"
          class="visually-hidden"
          onChange={(e) => {
            const file = e.currentTarget.files?.[0];
            e.currentTarget.value = '';
            if (file) void importFile(file);
          }}
        />
        <button type="button" onClick={() => void exportCsv()}>
          Export deliveries (CSV)
        </button>
        <button type="button" class="danger" onClick={() => void erase()}>
          Erase everything
        </button>
      </div>
      {message && (
        <p class={`message ${message.kind}`} role={message.kind === 'error' ? 'alert' : 'status'} data-import-message={message.kind}>
          {message.text}
        </p>
      )}
    </section>
  );
}
