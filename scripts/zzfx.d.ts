// zzfx ships no types; the generator uses only ZZFX.buildSamples.
declare module 'zzfx' {
  export const ZZFX: {
    volume: number;
    sampleRate: number;
    buildSamples(...parameters: number[]): number[];
  };
}
