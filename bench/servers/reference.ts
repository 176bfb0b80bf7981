// The reference server over HTTP through mocks/node (route table, no msw). Prints its URL.
import { createReferenceServer } from '../../mocks/index.js';
import { serve } from '../../mocks/node/index.js';

const server = createReferenceServer({ dialect: 'newapi', seed: 1 });
await server.ready;
const { url } = await serve(server, { port: 0 });
console.log(url);
