import { render } from 'preact';
import { FirstScreen, readSavedFirstScreen } from '@/components/popup/FirstScreen';

const root = document.getElementById('app')!;
let full = false;

// First paint from the saved first screen, while the full popup's code loads (it is a separate chunk).
void readSavedFirstScreen().then((saved) => {
  if (!saved || full) return;
  render(<FirstScreen data={saved} />, root);
  if (performance.getEntriesByName('leeway:first-content').length === 0) performance.mark('leeway:first-content');
});

void import('@/components/popup/Popup').then(({ Popup }) => {
  full = true;
  render(<Popup />, root);
});
