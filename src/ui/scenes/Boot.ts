import { Scene } from 'phaser';
import { UI_CONTEXT_KEY, type UiContext } from '../context';

/** Boot: nothing heavy to load; hands over to the Preloader through the app-flow machine. */
export class Boot extends Scene {
  constructor() {
    super('Boot');
  }

  create(): void {
    const ctx = this.registry.get(UI_CONTEXT_KEY) as UiContext;
    this.cameras.main.setBackgroundColor('#0b1320');
    ctx.flow.send({ type: 'boot.done' });
  }
}
