import { useGuide } from '../support/guide.js';

// docs/guide/gateway-detect.md (the detection section of the gateway guide, until it is folded into
// docs/guide/gateway.md) is executable. Its snippets build their own servers, so the guide's server is unused.
useGuide({ guide: 'docs/guide/gateway-detect.md', dialect: 'newapi', sandbox: 'http://127.0.0.1:4010' });
