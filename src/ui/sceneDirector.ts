// Keeps Phaser's active scene in step with the app-flow machine: the machine decides where the
// player is, this only shows it. One scene runs at a time (overlays are HTML).
// Scenes off the solo path (debrief, run library, team lobby) are not in the first download: they
// come as `lazy` loaders, fetched and added to Phaser the first time the machine asks for them
// (the service worker precaches their chunks, so this works offline too).
import type { Game, Scene } from 'phaser';
import type { UiContext } from './context';
import { screenOf } from './appFlow.machine';

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

/** A scene class fetched on demand (a dynamic import). */
export type LazyScene = () => Promise<typeof Scene>;

export function sceneForScreen(screen: string): string | undefined {
  return SCENE_FOR_SCREEN[screen] ?? SCENE_FOR_SCREEN[screen.split('.')[0]];
}

export function directScenes(
  game: Game,
  ctx: UiContext,
  lazy: Record<string, LazyScene> = {},
): () => void {
  // Phaser has already auto-started the first scene in the config (Boot).
  /** The scene the machine asks for, and the one actually running (they differ while a lazy
   *  scene's chunk is on its way). */
  let current: string | undefined = 'Boot';
  let running: string | undefined = 'Boot';
  const loading = new Map<string, Promise<void>>();
  /** Resolves once `key` is registered with Phaser, loading its chunk first if need be. */
  const ensure = (key: string): Promise<void> | undefined => {
    if (game.scene.getScene(key) || !lazy[key]) return undefined;
    let p = loading.get(key);
    if (!p) {
      p = lazy[key]().then((SceneClass) => {
        if (!game.scene.getScene(key)) game.scene.add(key, SceneClass, false);
      });
      loading.set(key, p);
      // A failed fetch (offline before the chunk was cached) is retried the next time it is asked for.
      p.catch(() => loading.delete(key));
    }
    return p;
  };
  const show = (target: string) => {
    // Back to the screen still showing (the player left and returned while a chunk loaded).
    if (target === running) return;
    if (running) game.scene.stop(running);
    game.scene.start(target);
    running = target;
  };
  const follow = (value: unknown) => {
    const target = sceneForScreen(screenOf(value));
    // One scene may show two screens (Ops: a replay, then the run taken over from it); the scene
    // itself follows the machine's session, so the director leaves it running.
    if (!target || target === current) return;
    current = target;
    const pending = ensure(target);
    if (!pending) {
      show(target);
      return;
    }
    // The previous scene stays up while the chunk loads; if the player moved on meanwhile, the
    // newer screen wins.
    pending.then(
      () => {
        if (current === target) show(target);
      },
      (err: unknown) => {
        console.error(`Could not load the ${target} screen:`, err);
      },
    );
  };
  const sub = ctx.flow.subscribe((snapshot) => follow(snapshot.value));
  follow(ctx.flow.getSnapshot().value);
  return () => sub.unsubscribe();
}
