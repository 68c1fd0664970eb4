/**
 * Finds a municipality as people type it: any case, accents or spacing, with or without the
 * apostrophe of 's-Hertogenbosch, a common alias (Den Bosch), or without the province suffix CBS
 * adds to a name two municipalities share (Beek for Beek (L.)). A name that is not a municipality
 * gets the nearest official names, by edit distance on the normalised spelling.
 */
export interface MunicipalityIndex {
  /** The official name for what was typed, or undefined when it names no municipality. */
  official(typed: string): string | undefined;
  /** Up to `max` official names closest to what was typed, closest first; empty if none is close. */
  nearest(typed: string, max?: number): string[];
}

export function normaliseMunicipality(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** Without the province suffix CBS adds: "Beek (L.)" → "Beek". */
const withoutSuffix = (name: string) => name.replace(/\s*\([^)]*\)\s*$/, '');

export function createMunicipalityIndex(
  names: readonly string[],
  aliases: Readonly<Record<string, string>> = {},
): MunicipalityIndex {
  const byKey = new Map<string, string>();
  for (const name of names) byKey.set(normaliseMunicipality(name), name);
  // A suffix-less name is an alias only where it is unambiguous: "Bergen" stays a question.
  const bases = new Map<string, string[]>();
  for (const name of names) {
    const base = normaliseMunicipality(withoutSuffix(name));
    if (base !== normaliseMunicipality(name)) bases.set(base, [...(bases.get(base) ?? []), name]);
  }
  for (const [base, official] of bases) {
    if (official.length === 1 && !byKey.has(base)) byKey.set(base, official[0]!);
  }
  for (const [alias, name] of Object.entries(aliases)) {
    if (!names.includes(name)) throw new Error(`alias "${alias}" names no municipality: "${name}"`);
    byKey.set(normaliseMunicipality(alias), name);
  }

  return {
    official: (typed) => byKey.get(normaliseMunicipality(typed)),
    nearest(typed, max = 3) {
      const key = normaliseMunicipality(typed);
      if (key === '') return [];
      const best = new Map<string, number>();
      for (const [candidate, name] of byKey) {
        const score =
          key.length >= 3 && (candidate.startsWith(key) || candidate.includes(` ${key}`))
            ? 0.1 // a name typed half-way ("Hertogen") is close whatever its length
            : distance(key, candidate) / Math.max(key.length, candidate.length);
        if (score <= 0.34 && score < (best.get(name) ?? Infinity)) best.set(name, score);
      }
      // An ambiguous name ("Bergen") suggests every municipality it may mean.
      for (const name of bases.get(key) ?? []) best.set(name, 0);
      return [...best]
        .sort(([a, sa], [b, sb]) => sa - sb || a.localeCompare(b, 'nl'))
        .slice(0, max)
        .map(([name]) => name);
    },
  };
}

/** Levenshtein distance: insertions, deletions and substitutions of one character each cost 1. */
function distance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min(previous[j]! + 1, current[j - 1]! + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length]!;
}
