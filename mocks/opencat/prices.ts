/**
 * upstream's price list (`pkg/tokenizer/tokenizer.go` `Cost`, c11824f): the dollars a request costs by model,
 * from its prompt and completion units. Each formula keeps Go's order of float64 operations; Go folds constant
 * quotients such as `(0.00025/1000)` exactly at compile time, so they are written here as the folded literal.
 * @module
 */

type Formula = (prompt: number, completion: number) => number;

const perThousand = (p: number, c: number): Formula => (prompt, completion) => p * (prompt / 1000) + c * (completion / 1000);
const perToken = (p: number, c: number): Formula => (prompt, completion) => p * prompt + c * completion;
const perImage = (price: number): Formula => (_prompt, completion) => price * completion;

const FORMULAS: ReadonlyArray<[models: string[], formula: Formula]> = [
  [['gpt-3.5-turbo-0301'], (p, c) => 0.002 * ((p + c) / 1000)],
  [['gpt-3.5-turbo', 'gpt-3.5-turbo-0613', 'gpt-3.5-turbo-1106', 'gpt-3.5-turbo-0125'], perThousand(0.0015, 0.002)],
  [['gpt-3.5-turbo-16k', 'gpt-3.5-turbo-16k-0613'], perThousand(0.003, 0.004)],
  [['gpt-4', 'gpt-4-0613', 'gpt-4-0314'], perThousand(0.03, 0.06)],
  [['gpt-4-32k', 'gpt-4-32k-0314', 'gpt-4-32k-0613'], perThousand(0.06, 0.12)],
  [['gpt-4-1106-preview', 'gpt-4-vision-preview', 'gpt-4-0125-preview', 'gpt-4-turbo-preview'], perThousand(0.01, 0.03)],
  [['gpt-4-turbo', 'gpt-4-turbo-2024-04-09'], perThousand(0.01, 0.03)],
  [['gpt-4o', 'gpt-4o-2024-05-13'], perThousand(0.005, 0.015)],
  [['gpt-4o-mini', 'gpt-4o-mini-2024-07-18'], perThousand(0.00015, 0.0006)],
  // $0.006 a minute; the units are seconds.
  [['whisper-1'], (p, c) => (0.006 * (p + c)) / 60],
  [['tts-1'], (p, c) => 0.015 * (p + c)],
  [['tts-1-hd'], (p, c) => 0.03 * (p + c)],
  [['dall-e-2.256x256'], perImage(0.016)],
  [['dall-e-2.512x512'], perImage(0.018)],
  [['dall-e-2.1024x1024'], perImage(0.02)],
  [['dall-e-3.256x256', 'dall-e-3.512x512', 'dall-e-3.1024x1024'], perImage(0.04)],
  [['dall-e-3.1024x1792', 'dall-e-3.1792x1024', 'dall-e-3.256x256.hd', 'dall-e-3.512x512.hd', 'dall-e-3.1024x1024.hd'], perImage(0.08)],
  [['dall-e-3.1024x1792.hd', 'dall-e-3.1792x1024.hd'], perImage(0.12)],
  [['claude-v1', 'claude-v1-100k'], perToken(0.00001102, 0.00003268)],
  [['claude-instant-v1', 'claude-instant-v1-100k'], perToken(0.00000163, 0.00000551)],
  [['claude-2', 'claude-2.1'], perToken(0.000008, 0.000024)],
  [['claude-3-haiku', 'claude-3-haiku-20240307'], perToken(0.00000025, 0.00000125)],
  [['claude-3-sonnet', 'claude-3-sonnet-20240229'], perToken(0.000003, 0.000015)],
  [['claude-3-opus', 'claude-3-opus-20240229'], perToken(0.000015, 0.000075)],
  [['gemini-pro', 'gemini-pro-vision'], perToken(0.0000005, 0.0000015)],
  [['gemini-1.5-pro-latest'], perToken(0.0000035, 0.0000105)],
  [['gemini-1.5-flash-latest'], perToken(0.00000035, 0.00000053)],
  [['mistral-small-latest'], perToken(0.000002, 0.000006)],
  [['mistral-medium-latest'], perToken(0.0000027, 0.0000081)],
  [['mistral-large-latest'], perToken(0.000008, 0.000024)],
];

const BY_MODEL = new Map(FORMULAS.flatMap(([models, formula]) => models.map((model) => [model, formula] as const)));

/**
 * `tokenizer.Cost(model, promptUnits, completionUnits)`: the float64 upstream formats with `%.6f` into a usage
 * row. Unknown models fall back by name (`gpt-3.5-turbo…` $0.003, `gpt-4…` $0.06, else $0.002 per 1000 units).
 *
 * @example
 * modelCost('gpt-4o-mini', 1000, 500); // 0.00045
 */
export function modelCost(model: string, prompt: number, completion: number): number {
  const formula = BY_MODEL.get(model);
  if (formula) return formula(prompt, completion);
  if (model.includes('gpt-3.5-turbo')) return 0.003 * ((prompt + completion) / 1000);
  if (model.includes('gpt-4')) return 0.06 * ((prompt + completion) / 1000);
  return 0.002 * ((prompt + completion) / 1000);
}
