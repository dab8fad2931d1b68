import { describe, expect, it } from 'vitest';
import { chooseRenderer, webglTuning } from '../../../src/ui/rendererChoice';

describe('chooseRenderer', () => {
  it('should honour ?renderer=', () => {
    expect(
      chooseRenderer('webgl', 'ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero)))'),
    ).toBe('webgl');
    expect(chooseRenderer('canvas', 'NVIDIA GeForce RTX 3060')).toBe('canvas');
  });

  it('should pick Canvas on software WebGL and leave real GPUs to Phaser', () => {
    expect(
      chooseRenderer(
        null,
        'ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero)), SwiftShader driver)',
      ),
    ).toBe('canvas');
    expect(chooseRenderer(null, 'llvmpipe (LLVM 15.0.6, 256 bits)')).toBe('canvas');
    expect(
      chooseRenderer(null, 'ANGLE (Intel, Mesa Intel(R) UHD Graphics 620 (KBL GT2), OpenGL 4.6)'),
    ).toBe('auto');
    expect(chooseRenderer('bogus', 'Apple M1')).toBe('auto');
  });

  it('should pick Canvas when there is no WebGL at all', () => {
    expect(chooseRenderer(null, undefined)).toBe('canvas');
  });

  it('should use one texture unit only where WebGL is emulated in software', () => {
    expect(webglTuning('ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero)))')).toEqual({
      maxTextures: 1,
    });
    expect(webglTuning('NVIDIA GeForce RTX 3060')).toEqual({});
  });
});
