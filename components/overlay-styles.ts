/** Styles for the on-page overlays. px only: `rem` would follow the host page's root font size. */
export const overlayCss = `
:host { --chip-bg: #fff; --chip-ink: #253044; --chip-line: #c9cfd8; --chip-muted: #5f6b82; }
@media (prefers-color-scheme: dark) {
  :host { --chip-bg: #22272e; --chip-ink: #e6edf3; --chip-line: #444c56; --chip-muted: #a3adbf; }
}
:host { all: initial; display: inline-block; vertical-align: middle; position: relative;
  font: 500 11px/16px system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
* { box-sizing: border-box; }
button { font: inherit; cursor: pointer; }
.chip { display: inline-flex; align-items: center; gap: 4px; height: 20px; padding: 0 6px; margin: 2px 4px 2px 0;
  border-radius: 10px; border: 1px solid var(--chip-line); background: var(--chip-bg); color: var(--chip-ink); white-space: nowrap; }
.chip:hover { border-color: #6b7689; }
.chip:focus-visible, .badge:focus-visible, .panel button:focus-visible, .panel input:focus-visible {
  outline: 2px solid #3b6fe0; outline-offset: 1px; }
.dot { width: 8px; height: 8px; border-radius: 50%; flex: none; background: #9aa3b2; }
.zone-green .dot { background: #1f9d55; }
.zone-yellow .dot { background: #e0a100; }
.zone-red .dot { background: #d64545; }
.zone-done .dot { background: #4b6fb5; }
.zone-red.chip { border-color: #e3a0a0; background: #fff5f5; }
.zone-yellow.chip { border-color: #ebcf7a; background: #fffaeb; }
.muted { color: var(--chip-muted); }
.unparsed { color: #b03a2e; }
.sep { color: #b4bac6; }
.badge { display: inline-flex; align-items: center; gap: 3px; height: 18px; padding: 0 5px; margin: 0 2px;
  border-radius: 9px; border: 1px solid var(--chip-line); background: var(--chip-bg); color: var(--chip-ink); font-size: 10px; line-height: 16px;
  white-space: nowrap; }
.grade-reliable { border-color: #8fcfa8; background: #f0faf4; color: #17683c; }
.grade-ok { border-color: #c9cfd8; }
.grade-watch { border-color: #e3a0a0; background: #fff5f5; color: #9b2c2c; }
.grade-new { border-style: dashed; color: #6b7689; }
.panel { position: absolute; z-index: 2147483000; top: 24px; left: 0; width: 260px; padding: 10px 12px;
  border-radius: 8px; border: 1px solid var(--chip-line); background: var(--chip-bg); color: var(--chip-ink);
  box-shadow: 0 6px 24px rgba(9, 30, 66, .22); white-space: normal; font-weight: 400; font-size: 12px; line-height: 17px; }
.panel h3 { margin: 0 0 6px; font-size: 13px; line-height: 18px; font-weight: 600; overflow-wrap: anywhere; }
.panel dl { display: grid; grid-template-columns: auto 1fr; gap: 2px 10px; margin: 0 0 8px; }
.panel dt { color: var(--chip-muted); }
.panel dd { margin: 0; }
.panel label { display: block; margin: 6px 0 4px; color: var(--chip-muted); }
.panel .row { display: flex; gap: 6px; align-items: center; }
.panel input[type=date] { font: inherit; padding: 2px 4px; border: 1px solid #c9cfd8; border-radius: 4px; }
.panel button.primary { background: #3b6fe0; color: #fff; border: 0; border-radius: 4px; padding: 3px 10px; }
.panel button.link { background: none; border: 0; color: #3b6fe0; padding: 0; }
.panel .why, .panel .note { margin-top: 6px; color: var(--chip-muted); }
.panel .error { color: #b03a2e; margin-top: 4px; }
`;
