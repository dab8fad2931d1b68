// Vitest browser mode: before a diagnosis the in-play score panels seal every piece of text that
// names the worm, its port or infection — the innermost piece only, so the numbers beside stay.
import { describe, expect, it } from 'vitest';
import { sealTruth } from '../../src/ui/panels/ops/disclosure';

describe('sealTruth', () => {
  it('should replace the cells and lines that name the truth and leave the rest', () => {
    document.body.innerHTML = `<div id="root">
      <table><tbody>
        <tr data-part="outboundWorm"><th>Worm traffic sent out</th><td><span>10.8 GB of worm traffic</span><span>0 points at 120 GB</span></td><td>91/100</td></tr>
        <tr data-part="subscriberHours"><th>Subscriber-hours lost</th><td><span>4,370 subscriber-hours</span></td><td>95.6/100</td></tr>
      </tbody></table>
      <ol><li><strong>14:40 −3.1</strong><ul><li>Own infected host-hours: 6</li><li>Subscribers offline since 14:38</li></ul></li></ol>
      <p>웜 발생 후 11분째</p>
    </div>`;
    const root = document.getElementById('root')!;
    const n = sealTruth(root, '(sealed)');
    expect(n).toBe(4);
    const text = root.textContent ?? '';
    expect(text).not.toMatch(/worm|infect|웜/i);
    expect(text).toContain('91/100');
    expect(text).toContain('0 points at 120 GB');
    expect(text).toContain('Subscriber-hours lost');
    expect(text).toContain('Subscribers offline since 14:38');
    expect(root.querySelectorAll('.sealed')).toHaveLength(4);
  });
});
