import { render } from 'preact';
import { FirstScreen, readSavedFirstScreen } from '@/components/popup/FirstScreen';

const root = document.getElementById('app')!;
const saved = readSavedFirstScreen();
let full = false;

// First paint from the saved first screen, while the full popup's code loads (it is a separate chunk).
void saved.then((firstScreen) => {
  if (!firstScreen || full) return;
  render(<FirstScreen data={firstScreen} />, root);
  if (performance.getEntriesByName('leeway:first-content').length === 0) performance.mark('leeway:first-content');
});

// The full popup keeps showing the same first screen (read once, here) until its overview arrives.
void Promise.all([import('@/components/popup/Popup'), saved]).then(([{ Popup }, firstScreen]) => {
  full = true;
  render(<Popup firstScreen={firstScreen} />, root);
});
