// What a user would otherwise pick: the same msw handlers served by @mswjs/http-middleware. Prints its URL.
import { createServer } from '@mswjs/http-middleware';
import { createReferenceServer } from '../../mocks/index.js';

const reference = createReferenceServer({ dialect: 'newapi', seed: 1 });
await reference.ready;
const app = createServer(...reference.handlers);
const server = app.listen(0, '127.0.0.1', () => {
  const address = server.address() as { port: number };
  console.log(`http://127.0.0.1:${address.port}`);
});
