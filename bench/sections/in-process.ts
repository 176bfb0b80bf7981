import { setupServer } from 'msw/node';
import { createReferenceServer } from '../../mocks/index.js';
import { compare, type Comparison } from '../lib/measure.js';

/** The reference server's own fetch (route table) vs the same handlers behind msw's setupServer. */
export async function inProcess(quick: boolean): Promise<Comparison> {
  const reference = createReferenceServer({ dialect: 'newapi', seed: 1 });
  await reference.ready;
  const msw = setupServer(...reference.handlers);
  msw.listen({ onUnhandledRequest: 'error' });
  try {
    return await compare(
      'msw setupServer',
      {
        'msw setupServer': () => fetch('http://localhost/api/user/groups').then((r) => r.json()),
        'server.fetch': () => reference.fetch(new Request('http://localhost/api/user/groups')).then((r) => r.json()),
      },
      quick ? { rounds: 7, iterations: 100, warmup: 100 } : {},
    );
  } finally {
    msw.close();
  }
}
