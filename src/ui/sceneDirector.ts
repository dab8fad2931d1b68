// Keeps Phaser's active scene in step with the app-flow machine: the machine decides where the
// player is, this only shows it. One scene runs at a time (overlays are HTML).
import type { Game } from 'phaser';
import type { UiContext } from './context';
import { screenOf } from '../game/appFlow.machine';

const SCENE_FOR_SCREEN: Record<string, string> = {
  booting: 'Boot',
  loading: 'Preloader',
  loadFailed: 'Preloader',
  title: 'Title',
  levelSelect: 'LevelSelect',
  runs: 'RunLibrary',
  replaying: 'Ops',
  team: 'TeamLobby',
  briefing: 'Briefing',
  running: 'Ops',
  debrief: 'Debrief',
};

export function sceneForScreen(screen: string): string | undefined {
  return SCENE_FOR_SCREEN[screen] ?? SCENE_FOR_SCREEN[screen.split('.')[0]];
}

export function directScenes(game: Game, ctx: UiContext): () => void {
  // Phaser has already auto-started the first scene in the config (Boot).
  let current: string | undefined = 'Boot';
  let currentTop = 'booting';
  const follow = (value: unknown) => {
    const screen = screenOf(value);
    const top = screen.split('.')[0];
    const target = sceneForScreen(screen);
    // One scene may show two screens (Ops: a replay, then the run forked from it): moving between
    // them restarts the scene so it picks up the new session.
    if (!target || (target === current && top === currentTop)) return;
    const previous = current;
    current = target;
    currentTop = top;
    if (previous) game.scene.stop(previous);
    game.scene.start(target);
  };
  const sub = ctx.flow.subscribe((snapshot) => follow(snapshot.value));
  follow(ctx.flow.getSnapshot().value);
  return () => sub.unsubscribe();
}
