/**
 * `POST /__mock/usages` (control API, not upstream): records one relayed request's usage as upstream's proxy
 * does after a reply (`store.Record` then `store.SumDaily`): its cost as a six-decimal string, from upstream's
 * price list when `cost` is left out, added to the user's row of that day.
 * @module
 */
import { z } from 'zod';
import { readControlJson } from '../../core/control.js';
import { rawForReading } from '../../core/journal.js';
import { jsonResponse } from '../../core/response.js';
import type { RequestContext } from '../../core/types.js';
import { formatFixed } from '../../go/fmt.js';
import { modelCost } from '../prices.js';
import { anyRow, MAX_DAILY_USAGES, type OpenCatState } from '../state.js';
import { localDate, zoneOffset } from '../zone.js';

const units = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER);
// Up to a billion dollars a request: its millionths stay exact.
const MAX_COST = 1e9;
const usageBody = z.strictObject({
  user_id: z.number().int().positive(),
  model: z.string().max(200),
  prompt_units: units,
  completion_units: units,
  cost: z.union([z.number(), z.string().regex(/^\d+(?:\.\d+)?$/).transform(Number)]).pipe(z.number().nonnegative().max(MAX_COST)).optional(),
  date: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .refine((date) => !Number.isNaN(Date.parse(`${date}T00:00:00Z`)) && new Date(`${date}T00:00:00Z`).toISOString().startsWith(date), 'not a calendar day')
    .optional(),
});

const badRequest = (error: string) => jsonResponse({ error: `Failed to record the usage: ${error}` }, { status: 400 });

/**
 * `POST /__mock/usages {user_id, model, prompt_units, completion_units, cost?, date?}`: 200 with the recorded row
 * (`total_unit` is prompt + completion, `cost` the six-decimal string, `date` today in the server's zone unless given).
 *
 * @example
 * await server.fetch('/__mock/usages', { method: 'POST', body: JSON.stringify({ user_id: 2, model: 'gpt-4o', prompt_units: 1000, completion_units: 200 }) });
 */
export async function recordUsage(ctx: RequestContext<OpenCatState>): Promise<Response> {
  const raw = await readControlJson(ctx, 'Failed to record the usage: send a JSON object {user_id, model, prompt_units, completion_units, cost?, date?}.');
  if (!raw.ok) return raw.response;
  const parsed = usageBody.safeParse(raw.value);
  if (!parsed.success) return badRequest(z.prettifyError(parsed.error));
  const body = parsed.data;
  const { state } = ctx;
  // Deleted users keep their rows upstream, so they may get new ones here too; unknown ids may not.
  if (!anyRow(state.users, (user) => user.id === body.user_id)) return badRequest(`no user has id ${body.user_id}.`);
  const date = body.date ?? localDate(ctx.clock.now(), zoneOffset(state.settings.TimeZone));
  const cost = formatFixed(body.cost ?? modelCost(body.model, body.prompt_units, body.completion_units), 6);
  const costMicros = Number(cost.replace('.', ''));
  const total = body.prompt_units + body.completion_units;
  // Every sum any range can ask for stays exact: the table's totals never pass 2^53.
  const rows = rawForReading(state.daily_usages);
  const totals = rows.reduce((sum, daily) => ({ units: sum.units + daily.total_unit, micros: sum.micros + daily.cost_micros }), { units: total, micros: costMicros });
  if (totals.units > Number.MAX_SAFE_INTEGER || totals.micros > Number.MAX_SAFE_INTEGER) return badRequest('the sandbox keeps the sums of all rows below 2^53 units and millionths; reset it first.');
  let index = rows.findIndex((daily) => daily.user_id === body.user_id && daily.date === date);
  if (index === -1) {
    if (rows.length >= MAX_DAILY_USAGES) return badRequest(`the sandbox keeps at most ${MAX_DAILY_USAGES} daily rows; reset it first.`);
    index = state.daily_usages.push({ user_id: body.user_id, date, prompt_units: 0, completion_units: 0, total_unit: 0, cost_micros: 0 }) - 1;
  }
  const row = state.daily_usages[index]!;
  row.prompt_units += body.prompt_units;
  row.completion_units += body.completion_units;
  row.total_unit += total;
  row.cost_micros += costMicros;
  return jsonResponse({ user_id: body.user_id, date, model: body.model, prompt_units: body.prompt_units, completion_units: body.completion_units, total_unit: total, cost });
}
