// Which Phaser renderer to use. WebGL on a real GPU; but where WebGL is only emulated in software
// (SwiftShader, llvmpipe: headless browsers, VMs, old machines without GPU drivers) Phaser's
// Canvas renderer is several times faster (measured: 21 vs 60 fps on the title), so use it there.
// `?renderer=webgl|canvas` overrides.
export type RendererChoice = 'webgl' | 'canvas' | 'auto';

const SOFTWARE = /swiftshader|llvmpipe|softpipe|software|microsoft basic render/i;

/** The GPU's renderer string, or undefined when WebGL or the debug extension is unavailable. */
export function webglRendererName(): string | undefined {
  try {
    const canvas = document.createElement('canvas');
    const gl = canvas.getContext('webgl') as WebGLRenderingContext | null;
    if (!gl) return undefined;
    const info = gl.getExtension('WEBGL_debug_renderer_info');
    const name = info
      ? String(gl.getParameter(info.UNMASKED_RENDERER_WEBGL))
      : String(gl.getParameter(gl.RENDERER));
    gl.getExtension('WEBGL_lose_context')?.loseContext();
    return name;
  } catch {
    return undefined;
  }
}

/** Whether the GPU name is a software rasterizer's (or unknown: no WebGL at all). */
export function isSoftwareGpu(gpuName: string | undefined): boolean {
  return gpuName === undefined || SOFTWARE.test(gpuName);
}

/**
 * WebGL settings for the GPU. Phaser's batch shader picks among up to `maxTextures` texture units
 * per pixel; a software rasterizer runs that selection for every pixel of every quad, so where
 * WebGL is emulated (only when forced with ?renderer=webgl) one unit is much cheaper: a few more
 * draw calls, far less per-pixel work. Real GPUs keep Phaser's default (all units).
 */
export function webglTuning(gpuName: string | undefined): { maxTextures?: number } {
  return isSoftwareGpu(gpuName) ? { maxTextures: 1 } : {};
}

export function chooseRenderer(
  param: string | null,
  gpuName = webglRendererName(),
): RendererChoice {
  if (param === 'webgl' || param === 'canvas') return param;
  return isSoftwareGpu(gpuName) ? 'canvas' : 'auto';
}
