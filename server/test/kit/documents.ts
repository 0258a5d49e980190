import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';

const atomParser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  isArray: (name) => name === 'entry' || name === 'link' || name === 'category',
});

/**
 * An Atom 1.0 answer, read: 200, served as Atom, well-formed and in the Atom namespace (else the
 * test fails). Its `feed` element, attributes as `@name`, every entry, link and category a list.
 */
export function atomFeed(res: LightMyRequestResponse) {
  expect(res.statusCode, res.body).toBe(200);
  expect(res.headers['content-type']).toBe('application/atom+xml; charset=utf-8');
  expect(XMLValidator.validate(res.body)).toBe(true);
  const { feed } = atomParser.parse(res.body);
  expect(feed['@xmlns']).toBe('http://www.w3.org/2005/Atom');
  return feed;
}

/** A CSV download, read: 200, served as CSV; its lines, without the byte order mark and the last line end. */
export function csvLines(res: LightMyRequestResponse): string[] {
  expect(res.statusCode, res.body).toBe(200);
  expect(res.headers['content-type']).toContain('text/csv');
  return res.body
    .replace(/^\uFEFF/, '')
    .trim()
    .split('\r\n');
}
