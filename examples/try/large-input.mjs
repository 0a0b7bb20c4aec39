// A large input: read the size of a 4 MB PNG image from its header, and check the header's CRC.
// The call reads a few dozen bytes, but a worker must first receive a copy of all 4 MB:
// sending the input costs far more than the call itself.
import { crc32 } from 'node:zlib';

export default function pngSize(image) {
  const view = new DataView(image.buffer, image.byteOffset, image.byteLength);
  const ihdr = image.subarray(12, 29); // chunk type and data of the first chunk
  const crcOk = crc32(ihdr) === view.getUint32(29);
  return { width: view.getUint32(16), height: view.getUint32(20), crcOk };
}

/** Twelve generated 4 MB images: a real PNG signature and header, then seeded noise for the pixel data. */
export function* inputs() {
  for (let i = 0; i < 12; i++) {
    const image = new Uint8Array(4 * 1024 * 1024);
    image.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
    const view = new DataView(image.buffer);
    view.setUint32(16, 1024 + i);
    view.setUint32(20, 768 + i);
    image.set([8, 6, 0, 0, 0], 24);
    view.setUint32(29, crc32(image.subarray(12, 29)));
    let x = 0x9e3779b9 ^ i;
    for (let j = 33; j < image.length; j++) {
      x ^= x << 13;
      x ^= x >>> 17;
      x ^= x << 5;
      image[j] = x & 0xff;
    }
    yield image;
  }
}
