import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { expect, test } from 'vitest';

// What an editor shows for the SDK's answers, read from the emitted `.d.ts` in dist/ as a user's project sees them
// (the package resolves itself by name through its `exports`). `npm test` builds before the test projects run.
const root = new URL('../..', import.meta.url).pathname;
const scratch = join(root, '.tmp', 'hovers');

/** One variable per dialect's main calls; the test reads the type the checker names for each. */
const CALLS = `
import { connect } from 'gatewaykit';
import type { NewApiClient } from 'gatewaykit/newapi';
import type { PlatformClient } from 'gatewaykit/platform';
import type { AetherClient } from 'gatewaykit/aether';
import type { OpenCatClient } from 'gatewaykit/opencat';
declare const newapi: NewApiClient;
declare const platform: PlatformClient;
declare const aether: AetherClient;
declare const opencat: OpenCatClient;
export async function calls() {
  const newapiSelf = await newapi.self.retrieve();
  const newapiUsers = await newapi.users.list();
  const newapiToken = await newapi.tokens.retrieve(1);
  const newapiCreatedToken = await newapi.tokens.create({ name: 'ci' });
  const platformMe = await platform.users.me.retrieve();
  const platformKeys = await platform.apiKeys.list();
  const platformSubmission = await platform.admin.verifications.retrieve('v_1');
  const aetherProfile = await aether.me.retrieve();
  const aetherKeys = await aether.me.apiKeys.list();
  const aetherUsers = await aether.users.list();
  const opencatUsers = await opencat.users.list();
  const opencatKeys = await opencat.keys.list();
  const gateway = await connect({ baseURL: 'http://127.0.0.1:4010', dialect: 'newapi', auth: { username: 'root', password: '123456' } });
  const gatewayMe = await gateway.me();
  const gatewayUsers = await gateway.users.list();
  return { newapiSelf, newapiUsers, newapiToken, newapiCreatedToken, platformMe, platformKeys, platformSubmission, aetherProfile, aetherKeys, aetherUsers, opencatUsers, opencatKeys, gatewayMe, gatewayUsers };
}
`;

const EXPECTED = {
  newapiSelf: 'SelfUser',
  newapiUsers: 'Page<User, number>',
  newapiToken: 'Token',
  newapiCreatedToken: 'TokenWithKey',
  platformMe: 'User',
  platformKeys: 'Page<ApiKey, number>',
  platformSubmission: 'VerificationSubmission',
  aetherProfile: 'Profile',
  aetherKeys: 'Page<ApiKey, number | undefined>',
  aetherUsers: 'Page<UserListItem, number | undefined>',
  opencatUsers: 'Page<User, number | undefined>',
  opencatKeys: 'Page<Key, number | undefined>',
  gatewayMe: 'GatewayUser<SelfUser>',
  gatewayUsers: 'Page<GatewayUser<User>, number | undefined>',
};

/** Compiles `source` as `.tmp/hovers/<file>` against dist/ and answers the checker and the file. */
function compile(file: string, source: string, options: ts.CompilerOptions) {
  if (!existsSync(join(root, 'dist', 'index.d.ts'))) throw new Error('Failed to find dist/index.d.ts. Please run `npm run build` first (npm test does).');
  mkdirSync(scratch, { recursive: true });
  const path = join(scratch, file);
  writeFileSync(path, source);
  const program = ts.createProgram([path], { strict: true, noEmit: true, skipLibCheck: true, target: ts.ScriptTarget.ES2022, lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'], types: [], ...options });
  return { program, checker: program.getTypeChecker(), source: program.getSourceFile(path)! };
}

/** The type the checker names for every `const` with a value (the answers, not the declared clients), as a hover shows it. */
function namedTypes(checker: ts.TypeChecker, source: ts.SourceFile): Record<string, string> {
  const found: Record<string, string> = {};
  const visit = (node: ts.Node): void => {
    if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer && node.name.text !== 'gateway') {
      found[node.name.text] = checker.typeToString(checker.getTypeAtLocation(node.name), undefined, ts.TypeFormatFlags.NoTruncation);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

const ESM = { module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler };
const CJS = { module: ts.ModuleKind.Node16, moduleResolution: ts.ModuleResolutionKind.Node16 };

test('hovers: the emitted .d.ts name each dialect’s answers (SelfUser, Page<User, number>) instead of spelling out their shapes', () => {
  const { program, checker, source } = compile('calls.ts', CALLS, ESM);
  expect(ts.getPreEmitDiagnostics(program, source).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'))).toEqual([]);
  expect(namedTypes(checker, source)).toEqual(EXPECTED);
});

test('hovers: the CommonJS declarations (.d.cts, through `require`) name the same types', () => {
  // A .cts file under node16 resolution takes the `require` condition, so this reads dist/**/*.d.cts.
  const { program, checker, source } = compile('calls.cts', CALLS, CJS);
  expect(program.getSourceFiles().some((file) => file.fileName.endsWith('/dist/newapi/index.d.cts'))).toBe(true);
  expect(ts.getPreEmitDiagnostics(program, source).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'))).toEqual([]);
  expect(namedTypes(checker, source)).toEqual(EXPECTED);
});

test('hovers: a type error names the model, not its fields', () => {
  const wrong = `import type { NewApiClient } from 'gatewaykit/newapi';\ndeclare const client: NewApiClient;\nexport async function f() { const name: string = await client.self.retrieve(); return name; }\n`;
  const { program, source } = compile('wrong.ts', wrong, ESM);
  const messages = ts.getPreEmitDiagnostics(program, source).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
  expect(messages).toEqual(["Type 'SelfUser' is not assignable to type 'string'."]);
});
