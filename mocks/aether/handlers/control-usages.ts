/**
 * `POST /__mock/usages` (control API, in openapi/control.yaml, not upstream): adds usage rows as upstream's proxy would record them,
 * so quotas and statistics can be exercised without an upstream model provider. Each row charges its cost to the
 * user's `used_usd` and `total_usd` (not for a standalone key) and counts on its key, as `UsageService.record_usage`
 * does. Answers plain JSON like the rest of the control API.
 * @module
 */
import { z } from 'zod';
import { readControlJson } from '../../core/control.js';
import { jsonResponse } from '../../core/response.js';
import type { RequestContext } from '../../core/types.js';
import { uuidV4 } from '../../core/uuid.js';
import type { AetherState, AetherUsage } from '../state.js';

type Ctx = RequestContext<AetherState>;

/** The most rows the table keeps, and the most one request adds: a sandbox's memory stays bounded. */
export const MAX_USAGE_ROWS = 100_000;
const MAX_ROWS_PER_REQUEST = 1_000;
const MAX_TEXT = 255;

const text = z.string().max(MAX_TEXT);
const count = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
const money = z.number().finite().min(0);
const MAX_TIME_MS = 253_402_300_799_999;

const usageInput = z.strictObject({
  user_id: text.nullable().optional(),
  api_key_id: text.nullable().optional(),
  provider: text.default('openai'),
  provider_id: text.nullable().default(null),
  model: text.default('gpt-4o-mini'),
  api_format: text.nullable().default('OPENAI'),
  status: z.enum(['pending', 'streaming', 'completed', 'failed']).default('completed'),
  status_code: z.number().int().min(100).max(599).default(200),
  error_message: z.string().max(2000).nullable().default(null),
  input_tokens: count.default(0),
  output_tokens: count.default(0),
  total_tokens: count.optional(),
  cache_creation_input_tokens: count.default(0),
  cache_read_input_tokens: count.default(0),
  total_cost_usd: money.default(0),
  actual_total_cost_usd: money.optional(),
  cache_creation_cost_usd: money.default(0),
  cache_read_cost_usd: money.default(0),
  response_time_ms: count.nullable().default(null),
  created_at: z.union([z.number().int().min(0).max(MAX_TIME_MS), z.iso.datetime({ offset: true })]).optional(),
});

const bodySchema = z.union([usageInput, z.array(usageInput).min(1).max(MAX_ROWS_PER_REQUEST), z.strictObject({ usages: z.array(usageInput).min(1).max(MAX_ROWS_PER_REQUEST) })]);

/** `POST /__mock/usages`: one row, an array of rows, or `{usages: [...]}`; answers `{usages: [...]}` as stored. */
export async function addUsages(ctx: Ctx): Promise<Response> {
  const body = await readControlJson(ctx, 'Failed to read the body: send a usage row, an array of them or {"usages": [...]}, as JSON.');
  if (!body.ok) return body.response;
  const parsed = bodySchema.safeParse(body.value);
  if (!parsed.success) return badRequest(`Failed to add usage rows: ${z.prettifyError(parsed.error)}`);
  const inputs = Array.isArray(parsed.data) ? parsed.data : 'usages' in parsed.data ? parsed.data.usages : [parsed.data];
  if (ctx.state.usages.length + inputs.length > MAX_USAGE_ROWS) return badRequest(`Failed to add usage rows: the table holds at most ${MAX_USAGE_ROWS}. Please reset the server or import a smaller state.`);
  // Every row is checked before any is stored, so a refusal leaves the state as it was.
  const resolved = [];
  for (const [index, input] of inputs.entries()) {
    const key = input.api_key_id ? ctx.state.api_keys.find((candidate) => candidate.id === input.api_key_id) : undefined;
    if (input.api_key_id && !key) return badRequest(`Failed to add usage rows: row ${index} names api_key_id ${input.api_key_id}, which no key has.`);
    const userId = input.user_id === undefined ? (key?.user_id ?? null) : input.user_id;
    const user = userId === null ? undefined : ctx.state.users.find((candidate) => candidate.id === userId);
    if (userId !== null && !user) return badRequest(`Failed to add usage rows: row ${index} names user_id ${userId}, which no user has.`);
    if (key && user && key.user_id !== user.id) return badRequest(`Failed to add usage rows: row ${index} charges a key of another user.`);
    resolved.push({ input, key, user });
  }
  const now = ctx.clock.now();
  const rows = resolved.map(({ input, key, user }) => {
    const row: AetherUsage = {
      id: uuidV4(ctx.random),
      user_id: user?.id ?? null,
      api_key_id: key?.id ?? null,
      provider: input.provider,
      provider_id: input.provider_id,
      model: input.model,
      api_format: input.api_format,
      status: input.status,
      status_code: input.status_code,
      error_message: input.error_message,
      input_tokens: input.input_tokens,
      output_tokens: input.output_tokens,
      total_tokens: input.total_tokens ?? input.input_tokens + input.output_tokens,
      cache_creation_input_tokens: input.cache_creation_input_tokens,
      cache_read_input_tokens: input.cache_read_input_tokens,
      total_cost_usd: input.total_cost_usd,
      actual_total_cost_usd: input.actual_total_cost_usd ?? input.total_cost_usd,
      cache_creation_cost_usd: input.cache_creation_cost_usd,
      cache_read_cost_usd: input.cache_read_cost_usd,
      response_time_ms: input.response_time_ms,
      created_at: typeof input.created_at === 'string' ? Date.parse(input.created_at) : (input.created_at ?? now),
    };
    if (user && !key?.is_standalone) {
      user.used_usd += row.total_cost_usd;
      user.total_usd += row.total_cost_usd;
      user.updated_at = now;
    }
    if (key) {
      key.total_requests += 1;
      key.total_cost_usd += row.total_cost_usd;
      if (key.is_standalone) key.balance_used_usd += row.total_cost_usd;
      key.last_used_at = now;
      key.updated_at = now;
    }
    ctx.state.usages.push(row);
    return row;
  });
  return jsonResponse({ usages: rows });
}

function badRequest(error: string): Response {
  return jsonResponse({ error }, { status: 400 });
}
