// A deliberately small suffix stripper. It only has to map the forms a support email uses
// for one word ("invoices", "invoiced", "invoicing") to one key, the same way on both
// sides of a comparison; it never has to produce a real word.

const KEEP = new Set(['this', 'his', 'is', 'was', 'has', 'does', 'yes', 'us', 'bus', 'plus', 'status', 'news', 'always', 'sso', 'dns', 'ios', 'aws', 'https', 'access', 'process', 'address', 'business', 'class', 'less', 'across']);

function undouble(word: string): string {
  const n = word.length;
  if (n >= 4 && word[n - 1] === word[n - 2] && !'lsz'.includes(word[n - 1] ?? '')) return word.slice(0, -1);
  return word;
}

/** Stem of a lower-case word; short words and non-Latin words come back unchanged. */
export function stem(word: string): string {
  let w = word;
  if (w.length <= 3 || KEEP.has(w) || !/^[a-z][a-z-]*$/.test(w)) return w;
  if (w.endsWith('ies') && w.length > 4) w = `${w.slice(0, -3)}y`;
  else if (w.endsWith('sses')) w = w.slice(0, -2);
  else if (w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us') && !w.endsWith('is')) w = w.slice(0, -1);

  if (w.endsWith('ations') || w.endsWith('ation')) w = w.slice(0, w.lastIndexOf('ation'));
  else if (w.endsWith('ing') && w.length >= 6) w = undouble(w.slice(0, -3));
  else if (w.endsWith('ed') && w.length >= 5) w = undouble(w.slice(0, -2));
  else if (w.endsWith('ment') && w.length >= 8) w = w.slice(0, -4);
  else if (w.endsWith('ly') && w.length >= 6) w = w.slice(0, -2);
  // "renewal"/"renew", "approval"/"approve", "refusal"/"refuse": only after w, v and s, where
  // "-al" is the noun ending and not part of the root ("portal", "signal", "total").
  else if (w.length >= 7 && (w.endsWith('wal') || w.endsWith('val') || w.endsWith('sal'))) w = w.slice(0, -2);

  if (w.endsWith('e') && w.length >= 4) w = w.slice(0, -1);
  return w;
}
