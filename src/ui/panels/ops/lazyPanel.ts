// A tab body fetched the first time it is needed (shown, or a moment after Ops is up), so the code
// of the tabs hidden at the start (inbox, tasks) is not part of the first download. Until it
// arrives the tab shows a busy state; the "loading" line appears only if the wait is long enough
// to notice (CSS delay), so a fast fetch shows no flash.
import { el } from '../../dom';
import type { ViewSnapshot } from '../../../game';

export interface TabBody {
  readonly root: HTMLElement;
  update(view: ViewSnapshot): void;
}

export class LazyPanel<P extends TabBody> {
  readonly root: HTMLElement;
  private body?: P;
  private loading?: Promise<P>;
  private readonly waiting: HTMLElement;

  constructor(
    private readonly load: () => Promise<P>,
    loadingText: string,
    private readonly onError: (err: unknown) => void,
  ) {
    this.waiting = el('p', { class: 'hint panel-loading', role: 'status', text: loadingText });
    this.root = el('div', { class: 'lazy-panel', 'aria-busy': 'true' }, this.waiting);
  }

  /** The body once it has arrived. */
  get panel(): P | undefined {
    return this.body;
  }

  /** Fetches the body (once) and puts it in place; resolves with it. */
  ensure(): Promise<P> {
    this.loading ??= this.load().then(
      (body) => {
        this.body = body;
        this.waiting.replaceWith(body.root);
        this.root.removeAttribute('aria-busy');
        return body;
      },
      (err: unknown) => {
        // A later show tries again (a flaky connection before the service worker has the chunk).
        this.loading = undefined;
        this.onError(err);
        throw err;
      },
    );
    return this.loading;
  }
}
