// Hands a file the page made (a run file, a review, a CSV, a Situation Manual) to the browser as
// a download: an object URL on a temporary link, clicked, then released once the browser has it.
import { el } from './dom';

export function saveFile(name: string, type: string, body: string): void {
  const url = URL.createObjectURL(new Blob([body], { type }));
  const a = el('a', { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
