import { describe, expect, it } from 'vitest';
import { linkify } from './linkify.ts';

describe('linkify', () => {
  it('leaves text without addresses alone', () => {
    expect(linkify('こんにちは\n世界')).toEqual([{ kind: 'text', text: 'こんにちは\n世界' }]);
    expect(linkify('')).toEqual([]);
  });

  it('turns an address on its own line into a link, keeping the text around it', () => {
    const link = 'http://localhost:3000/verify-email?token=abc_DEF-123';
    expect(linkify(`下のリンクを押してください。\n\n${link}\n\nこのリンクは24時間使えます。`)).toEqual([
      { kind: 'text', text: '下のリンクを押してください。\n\n' },
      { kind: 'link', text: link, href: link },
      { kind: 'text', text: '\n\nこのリンクは24時間使えます。' },
    ]);
  });

  it('stops at sentence punctuation and Japanese brackets', () => {
    expect(linkify('Open https://board.example.jp/signin.')).toEqual([
      { kind: 'text', text: 'Open ' },
      { kind: 'link', text: 'https://board.example.jp/signin', href: 'https://board.example.jp/signin' },
      { kind: 'text', text: '.' },
    ]);
    expect(linkify('ログイン（https://board.example.jp/signin）。')).toEqual([
      { kind: 'text', text: 'ログイン（' },
      { kind: 'link', text: 'https://board.example.jp/signin', href: 'https://board.example.jp/signin' },
      { kind: 'text', text: '）。' },
    ]);
  });

  it('finds several addresses', () => {
    const parts = linkify('a https://a.example/ b http://b.example/x?y=1 c');
    expect(parts.filter((p) => p.kind === 'link').map((p) => p.text)).toEqual([
      'https://a.example/',
      'http://b.example/x?y=1',
    ]);
  });

  it('never links other schemes or things that only look like addresses', () => {
    for (const text of [
      'javascript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'ftp://files.example/x',
      'https://',
      'http://user:pass@evil.example/',
      '<a href="https://x.example">x</a>',
    ]) {
      const links = linkify(text).filter((p) => p.kind === 'link');
      for (const link of links) expect(link.href).toMatch(/^https?:\/\/[^@]+$/);
      if (!text.includes('x.example')) expect(links).toEqual([]);
    }
  });

  it('keeps every character of the text, in order', () => {
    const text = 'x https://a.example/p, y <https://b.example> z https://c.example/q).';
    expect(
      linkify(text)
        .map((p) => p.text)
        .join(''),
    ).toBe(text);
  });
});
