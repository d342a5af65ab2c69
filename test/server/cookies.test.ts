import type { Request } from 'express';
import request from 'supertest';
import { cookieValue } from '../../server/cookies';
import { testApp } from '../helpers/context';

/** Cookies are read by name from the parsed header, never by looking for a substring. */
jest.setTimeout(30_000);

const withCookie = (cookie: string | undefined) => ({ headers: cookie === undefined ? {} : { cookie } }) as Request;

describe('cookieValue', () => {
  test('finds a cookie by its exact name, wherever it is in the header', () => {
    expect(cookieValue(withCookie('sra.sid=abc'), 'sra.sid')).toBe('abc');
    expect(cookieValue(withCookie('theme=dark; sra.sid=s%3Aabc.def ; lang=fr'), 'sra.sid')).toBe('s:abc.def');
  });

  test('does not take another cookie whose name ends with it, or a value that contains it, for it', () => {
    expect(cookieValue(withCookie('xsra.sid=abc'), 'sra.sid')).toBeNull();
    expect(cookieValue(withCookie('tracking=sra.sid=abc'), 'sra.sid')).toBeNull();
    expect(cookieValue(withCookie(''), 'sra.sid')).toBeNull();
    expect(cookieValue(withCookie(undefined), 'sra.sid')).toBeNull();
  });
});

test('a visitor whose cookies only mention the session cookie’s name gets the public page, with no session', async () => {
  const { app } = testApp();
  const res = await request(app).get('/').set('Cookie', 'xsra.sid=1; tracking=sra.sid=2').expect(200);
  expect(res.headers['set-cookie']).toBeUndefined();
  expect(res.headers.etag).toBeDefined();
  expect(res.headers['cache-control']).toBe('public, no-cache');
});
