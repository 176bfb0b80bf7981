import { expect, test } from 'vitest';
import { ApiError, AuthenticationError, NotFoundError, PermissionDeniedError, ServerError, ValidationError } from '../../src/index.js';
import { OpenCatClient, openCatEnvelope } from '../../src/opencat/index.js';
import { takeContractProblems } from '../support/contract.js';
import { useOpenCat } from '../support/opencat.js';

const api = useOpenCat();

test('errors: a missing token is an AuthenticationError with upstream "Unauthorized"', async () => {
  const err = await api.client().users.list().catch((e) => e);
  expect(err).toBeInstanceOf(AuthenticationError);
  expect(err).toMatchObject({ status: 401, message: 'Unauthorized', body: { error: 'Unauthorized' }, dialect: 'opencat' });
});

test('errors: a token that is not a user is an AuthenticationError, and the error never shows it', async () => {
  const err = await api.client({ token: 'not-a-user-token' }).users.me().catch((e) => e);
  expect(err).toBeInstanceOf(AuthenticationError);
  expect(JSON.stringify({ ...err, message: err.message })).not.toContain('not-a-user-token');
});

test('errors: a body Go cannot decode is a ValidationError with encoding/json text (400)', async () => {
  const client = api.root();
  const wrongType = await client.request('post', '/1/users', { body: { name: 5 as unknown as string } }).catch((e) => e);
  expect(wrongType).toBeInstanceOf(ValidationError);
  expect(wrongType).toMatchObject({ status: 400, message: 'json: cannot unmarshal number into Go struct field User.name of type string' });
  const key = await client.request('post', '/1/keys', { body: { name: 5 as unknown as string } }).catch((e) => e);
  expect(key).toMatchObject({ name: 'ValidationError', status: 400, message: 'json: cannot unmarshal number into Go struct field Key.name of type string' });
});

test('errors: /1/me/usages answers 403 with an empty body, as upstream always does: a PermissionDeniedError', async () => {
  const err = await api.root().request('get', '/1/me/usages', {}).catch((e) => e);
  expect(err).toBeInstanceOf(PermissionDeniedError);
  expect(err).toMatchObject({ status: 403, message: 'HTTP 403 with an empty body', body: undefined });
});

test("errors: a route gin does not have is a NotFoundError with gin's text", async () => {
  // @ts-expect-error GET /1/users/{id} is no route upstream, which is the point
  const err = await api.root().request('get', '/1/users/{id}', { path: { id: '2' } }).catch((e) => e);
  expect(err).toBeInstanceOf(NotFoundError);
  expect(err).toMatchObject({ status: 404, message: '404 page not found', body: '404 page not found' });
  // No document describes a route that does not exist: the check names it, and nothing else.
  expect(takeContractProblems()).toEqual(['GET /1/users/2 → 404: method GET is not documented for /1/users/{id}']);
});

test('errors: an Authorization header of 1-6 bytes makes upstream panic: a ServerError with an empty body', async () => {
  const err = await api.client({ headers: { Authorization: 'Bearer' } }).users.list().catch((e) => e);
  expect(err).toBeInstanceOf(ServerError);
  expect(err).toMatchObject({ status: 500, message: 'HTTP 500 with an empty body' });
});

test('errors: an empty or padded client token is refused when the client is made, without echoing it', () => {
  for (const token of ['', ' secret-ish', 'secret-ish\t']) {
    let thrown: unknown;
    try {
      new OpenCatClient({ baseURL: 'http://127.0.0.1:4012', token });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(TypeError);
    expect((thrown as Error).message).toMatch(/^Failed to call new OpenCatClient: `token` must be a non-empty string/);
    expect((thrown as Error).message).not.toContain('secret-ish');
  }
});

test('errors: the reader takes an {"error"} body in an HTTP 200 as a failure, in both upstream styles', () => {
  const ok = new Response(null, { status: 200 });
  expect(openCatEnvelope({ error: 'invalid user id' }, ok)).toEqual({ ok: false, message: 'invalid user id', kind: 'validation', decides: true });
  expect(openCatEnvelope({ error: { message: 'Invalid Key Name' } }, ok)).toEqual({ ok: false, message: 'Invalid Key Name', kind: 'validation', decides: true });
  expect(openCatEnvelope({ error: 'a database is locked' }, ok)).toEqual({ ok: false, message: 'a database is locked', kind: undefined, decides: false });
  expect(openCatEnvelope({ message: 'ok' }, ok)).toEqual({ ok: true, data: { message: 'ok' } });
  expect(openCatEnvelope([{ error: 'not an error: an array is a list' }], ok)).toMatchObject({ ok: true });
});

test('errors: an unknown message in an HTTP 200 is a plain ApiError with that message', async () => {
  const fetch = async () => new Response('{"error":"database is locked"}', { status: 200, headers: { 'content-type': 'application/json; charset=utf-8' } });
  const err = (await new OpenCatClient({ baseURL: 'http://x', fetch, token: 't' }).keys.list().catch((e) => e)) as ApiError;
  expect(err).toBeInstanceOf(ApiError);
  expect(err.constructor).toBe(ApiError);
  expect(err).toMatchObject({ status: 200, message: 'database is locked' });
});

test('errors: a 2xx that is not JSON (a captive portal, a wrong baseURL) is an ApiError, not data', async () => {
  const fetch = async () => new Response('<html>Sign in to Wi-Fi</html>', { status: 200, headers: { 'content-type': 'text/html' } });
  const err = (await new OpenCatClient({ baseURL: 'http://x', fetch, token: 't' }).users.list().catch((e) => e)) as ApiError;
  expect(err).toBeInstanceOf(ApiError);
  expect(err.message).toBe('Failed to read the answer: it is not JSON. Please check that `baseURL` is an opencat server.');
});
