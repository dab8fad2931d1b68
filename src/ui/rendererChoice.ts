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

export function chooseRenderer(
  param: string | null,
  gpuName = webglRendererName(),
): RendererChoice {
  if (param === 'webgl' || param === 'canvas') return param;
  if (gpuName === undefined) return 'canvas';
  return SOFTWARE.test(gpuName) ? 'canvas' : 'auto';
}
