import { schema } from '@board/db';
import { StoryView } from '@board/shared';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { answer, post, useApiApp, useDemoPeople } from '../kit/index.ts';
import { storyBody, storyMatch } from './scene.ts';

/**
 * A phone photo carries where it was taken (Exif GPS). The story keeps the picture and drops the
 * rest before anything is stored (server/src/modules/stories/photo-metadata.ts).
 */
const t = useApiApp();
const { senju } = useDemoPeople(t);

/** A small baseline JPEG (SOI, JFIF APP0, tables, one frame, end) without any metadata. */
const plainJpeg = Buffer.from(
  '/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAP//////////////////////////////////////////////////////////////////////////////////////wgALCAABAAEBAREA/8QAFBABAAAAAAAAAAAAAAAAAAAAAP/aAAgBAQABPxA=',
  'base64',
);

/** Exif (big-endian TIFF) whose only content is a GPS position: latitude N 35° 41′ 22.8″ (Tokyo). */
function gpsExif(): Buffer {
  const tiff = Buffer.alloc(80);
  tiff.write('MM', 0, 'latin1');
  tiff.writeUInt16BE(42, 2);
  tiff.writeUInt32BE(8, 4); // IFD0
  tiff.writeUInt16BE(1, 8);
  tiff.writeUInt16BE(0x8825, 10); // GPSInfo → the GPS IFD
  tiff.writeUInt16BE(4, 12);
  tiff.writeUInt32BE(1, 14);
  tiff.writeUInt32BE(26, 18);
  tiff.writeUInt32BE(0, 22);
  tiff.writeUInt16BE(2, 26); // GPS IFD: two entries
  tiff.writeUInt16BE(0x0001, 28); // GPSLatitudeRef 'N'
  tiff.writeUInt16BE(2, 30);
  tiff.writeUInt32BE(2, 32);
  tiff.write('N\0', 36, 'latin1');
  tiff.writeUInt16BE(0x0002, 40); // GPSLatitude, three rationals at 56
  tiff.writeUInt16BE(5, 42);
  tiff.writeUInt32BE(3, 44);
  tiff.writeUInt32BE(56, 48);
  tiff.writeUInt32BE(0, 52);
  [35, 1, 41, 1, 2280, 100].forEach((n, i) => tiff.writeUInt32BE(n, 56 + i * 4));
  const payload = Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), tiff]);
  const header = Buffer.alloc(4);
  header.writeUInt16BE(0xffe1, 0);
  header.writeUInt16BE(payload.length + 2, 2);
  return Buffer.concat([header, payload]);
}

describe('a story’s photo', () => {
  it('is stored without its Exif GPS position, the picture’s own bytes unchanged', async () => {
    const upload = Buffer.concat([plainJpeg.subarray(0, 2), gpsExif(), plainJpeg.subarray(2)]);
    expect(upload.includes(Buffer.from('Exif\0\0', 'latin1'))).toBe(true);
    const match = await storyMatch(t);
    const body = storyBody({ photo: upload.toString('base64'), photoAlt: '集会所の前で' });
    const story = answer(await post(t, senju, `/api/applications/${match.id}/story`, body), 201, StoryView);
    expect(story.hasPhoto).toBe(true);

    const [row] = await t.database.handle.db
      .select({ photo: schema.stories.photo, type: schema.stories.photoType })
      .from(schema.stories)
      .where(eq(schema.stories.id, story.id));
    expect(row!.type).toBe('image/jpeg');
    expect(row!.photo!.includes(Buffer.from('Exif', 'latin1'))).toBe(false);
    expect(row!.photo!.includes(Buffer.from([0x88, 0x25]))).toBe(false);
    expect(Buffer.compare(row!.photo!, plainJpeg)).toBe(0);
  });
});
