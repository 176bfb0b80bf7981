#!/usr/bin/env node
/**
 * Checks the built API reference (`npm run docs`, run by .ci/run right after it):
 *   - the whole of docs/api is under 5 MB;
 *   - the generated `paths` / `components` / `operations` interfaces have no page (one was 11 MB);
 *   - the model pages list their fields: every property of each model below, with its type and its description
 *     from the OpenAPI document, read from the same source typedoc reads;
 *   - no raw copies of repository files under media/: links to them open the repository (scripts/typedoc-plugin.mjs).
 *
 *   node scripts/docs-check.mjs [dir]   dir defaults to docs/api
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dir = process.argv[2] ?? join(root, 'docs', 'api');
const LIMIT = 5_000_000;
/** Model pages that must list their fields: [page under interfaces/, source file, exported name]. */
const MODELS = [
  ['gatewaykit_newapi.Token.html', 'src/newapi/resources/tokens.ts', 'Token'],
  ['gatewaykit_newapi.SelfUser.html', 'src/newapi/resources/self.ts', 'SelfUser'],
  ['gatewaykit_newapi.TokenCreateParams.html', 'src/newapi/resources/tokens.ts', 'TokenCreateParams'],
  ['gatewaykit_platform.ApiKey.html', 'src/platform/resources/api-keys.ts', 'ApiKey'],
  ['gatewaykit_aether.ApiKey.html', 'src/aether/resources/api-keys.ts', 'ApiKey'],
  ['gatewaykit_opencat.Key.html', 'src/opencat/resources/keys.ts', 'Key'],
];
/** The TypeScript program the model types are read from, made on first use. */
let program;

if (!existsSync(dir)) fail(`${relative(root, dir)} does not exist. Please run \`npm run docs\` first.`);

const files = walk(dir);
const problems = [];
const bytes = files.reduce((sum, file) => sum + statSync(file).size, 0);
if (bytes >= LIMIT) problems.push(`docs/api is ${(bytes / 1e6).toFixed(2)} MB, over the 5 MB budget; the largest pages: ${largest(files)}.`);
const generated = files.filter((file) => /\.(paths|components|operations)(-\d+)?\.html$/.test(file));
if (generated.length > 0) problems.push(`the generated types have pages of their own: ${generated.map((f) => relative(dir, f)).join(', ')}.`);
const media = files.filter((file) => relative(dir, file).startsWith('media'));
if (media.length > 0) problems.push(`repository files are copied into the site instead of linked: ${media.map((f) => relative(dir, f)).join(', ')}.`);
problems.push(...MODELS.flatMap(([page, source, name]) => missingFields(join(dir, 'interfaces', page), source, name)));

if (problems.length > 0) fail(problems.join('\n  '));
console.log(`docs/api: ${(bytes / 1e6).toFixed(2)} MB in ${files.length} files, no generated-type pages, no media copies, ${MODELS.length} model pages list their fields.`);

/** What a model's page lacks: a field, its type, or its description. */
function missingFields(page, source, name) {
  if (!existsSync(page)) return [`${relative(dir, page)} (the ${name} page) does not exist.`];
  const text = textOf(readFileSync(page, 'utf8'));
  const { checker, type } = modelType(source, name);
  const missing = [];
  for (const property of checker.getPropertiesOfType(type)) {
    const optional = property.flags & ts.SymbolFlags.Optional ? '?' : '';
    const declared = checker.typeToString(checker.getTypeOfSymbol(property)).replace(/ \| undefined$/, '');
    // typedoc spells object types its own way; the name alone is checked for those.
    const signature = /[{}()<>]/.test(declared) ? property.name : `${property.name}${optional}: ${declared}`;
    if (!text.includes(textOf(signature))) missing.push(`\`${signature}\``);
    const description = descriptionOf(checker, property);
    if (description && !text.includes(description)) missing.push(`the description of ${property.name} ("${description.slice(0, 40)}…")`);
  }
  return missing.length > 0 ? [`${relative(dir, page)} lacks ${missing.join(', ')}.`] : [];
}

/** The first line of a property's doc comment or `@description`, as typedoc renders it in text. */
function descriptionOf(checker, property) {
  const summary = ts.displayPartsToString(property.getDocumentationComment(checker));
  const tag = property.getJsDocTags(checker).find((t) => t.name === 'description');
  const first = (summary || ts.displayPartsToString(tag?.text ?? [])).split('\n')[0].trim();
  return textOf(first);
}

function modelType(source, name) {
  program ??= ts.createProgram(MODELS.map(([, file]) => join(root, file)), readConfig());
  const checker = program.getTypeChecker();
  const file = program.getSourceFile(join(root, source));
  const symbol = checker.getExportsOfModule(checker.getSymbolAtLocation(file)).find((s) => s.name === name);
  if (!symbol) fail(`${source} exports no ${name}; please update MODELS in scripts/docs-check.mjs.`);
  return { checker, type: checker.getDeclaredTypeOfSymbol(symbol) };
}

function readConfig() {
  const config = ts.getParsedCommandLineOfConfigFile(join(root, 'tsconfig.json'), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} });
  return config.options;
}

/** A page's visible text, entities decoded, for `includes` checks. */
function textOf(html) {
  const text = html.replace(/<wbr\/>/g, '').replace(/<[^>]+>/g, ' ');
  const decoded = text.replace(/&(quot|amp|lt|gt|#39);/g, (_, e) => ({ quot: '"', amp: '&', lt: '<', gt: '>', '#39': "'" })[e]);
  // Compared without spaces and markdown marks: typedoc spaces its signatures and renders `code` and **bold**.
  return decoded.replace(/[\s`*]+/g, '');
}

function walk(path) {
  return statSync(path).isDirectory() ? readdirSync(path).flatMap((entry) => walk(join(path, entry))) : [path];
}

function largest(list) {
  return [...list].sort((a, b) => statSync(b).size - statSync(a).size).slice(0, 3).map((f) => `${relative(dir, f)} ${(statSync(f).size / 1e6).toFixed(2)} MB`).join(', ');
}

function fail(message) {
  console.error(`Failed to check the API reference: ${message}`);
  process.exit(1);
}
