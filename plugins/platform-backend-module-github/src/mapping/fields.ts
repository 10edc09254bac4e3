/** Maps a GitHub environment name to the canonical one (`production` or the name lower-cased). */
export function canonicalEnvironment(
  name: string,
  productionEnvironments: string[],
): string {
  const lower = name.trim().toLowerCase();
  return productionEnvironments.some(p => p.toLowerCase() === lower)
    ? 'production'
    : lower;
}

/** The first of the candidates that is an http(s) URL (GitHub sends `""` for none). */
export function firstUrl(
  ...candidates: Array<string | null | undefined>
): string | undefined {
  return candidates.find(
    c => !!c && /^https?:\/\//.test(c) && URL.canParse(c),
  ) as string | undefined;
}

const SHA = /^[0-9a-f]{7,64}$/i;

/**
 * The commits a deployer declared in the GitHub deployment's free-form
 * `payload` (`{ "changeShas": [...] }`, as an object or a JSON string). A
 * deployer that knows what it ships saves the API lookups; anything malformed
 * is ignored and the lookups decide.
 */
export function declaredChangeShas(payload: unknown): string[] | undefined {
  let value = payload;
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value);
    } catch {
      return undefined;
    }
  }
  if (typeof value !== 'object' || value === null) return undefined;
  const shas = (value as { changeShas?: unknown }).changeShas;
  if (!Array.isArray(shas)) return undefined;
  return shas.every(s => typeof s === 'string' && SHA.test(s))
    ? (shas as string[])
    : undefined;
}
