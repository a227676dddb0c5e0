import { describe, expect, it } from 'vitest';
import { detectPhotoType, essenceOf } from './photo-type.ts';

const bytes = (...values: number[]) => Uint8Array.from(values);

describe('photo type by content', () => {
  it('recognises JPEG, PNG and WebP by their magic numbers', () => {
    expect(detectPhotoType(bytes(0xff, 0xd8, 0xff, 0xe0, 0, 0x10))).toBe('image/jpeg');
    expect(detectPhotoType(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0))).toBe('image/png');
    expect(detectPhotoType(Buffer.from('RIFF\x24\x00\x00\x00WEBPVP8 ', 'latin1'))).toBe('image/webp');
  });

  it('refuses text, GIF, SVG, a RIFF that is not WebP and truncated headers', () => {
    expect(detectPhotoType(Buffer.from('hello, this is not an image'))).toBeNull();
    expect(detectPhotoType(Buffer.from('GIF89a\x01\x00\x01\x00', 'latin1'))).toBeNull();
    expect(detectPhotoType(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBeNull();
    expect(detectPhotoType(Buffer.from('RIFF\x24\x00\x00\x00WAVEfmt ', 'latin1'))).toBeNull();
    expect(detectPhotoType(bytes(0x89, 0x50, 0x4e))).toBeNull();
    expect(detectPhotoType(bytes())).toBeNull();
  });

  it('reads the media type of a Content-Type header', () => {
    expect(essenceOf('Image/PNG; charset=binary')).toBe('image/png');
    expect(essenceOf(undefined)).toBe('');
  });
});
