import { createRequire } from 'node:module';
import { Readable, type Transform } from 'node:stream';
import { buffer } from 'node:stream/consumers';

// CommonJS whose `module.exports` is the class, while its types declare a default export (read
// differently by the packages' TypeScript settings): required as what it is.
const ExifTransformer = createRequire(import.meta.url)('exif-be-gone') as new () => Transform;

/**
 * The photo without what it carries beyond the picture: a JPEG's APP1 segments holding Exif (GPS
 * position, camera, time), XMP or FLIR data; a PNG's text, time, eXIf and signature chunks; a
 * WebP's EXIF and XMP chunks. The picture's own bytes are passed through untouched, never
 * re-encoded, so nothing is lost in quality and a bad file cannot crash a decoder here.
 *
 * Why exif-be-gone: no dependencies, pure JavaScript (no native build, no WebAssembly), maintained
 * (releases in 2024-2026), and it removes whole segments by their declared length rather than
 * decoding the image, as a re-encoder such as sharp or jimp would at many times the size and cost.
 * An Exif orientation tag goes with the rest: a phone picture taken sideways may show sideways.
 */
export async function withoutMetadata(bytes: Buffer): Promise<Buffer> {
  return buffer(Readable.from([bytes]).pipe(new ExifTransformer()));
}
