import { isMap, isPair, isScalar, isSeq, type Document, type LineCounter, type Node } from 'yaml';

/**
 * The 1-based line of a path in a parsed YAML document. For a map key the
 * key's own line is used (a nested value starts on the next line); a path
 * that does not exist (a missing required key) falls back to its nearest
 * existing parent key.
 */
export function lineOf(doc: Document, lineCounter: LineCounter, path: readonly (string | number)[]): number | undefined {
  let node: unknown = doc.contents;
  // A missing top-level key has no useful line: the root mapping starts at the first key.
  let best: number | undefined;
  for (const seg of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(seg));
      if (!pair) return best;
      best = startLine(pair.key, lineCounter) ?? best;
      node = pair.value;
    } else if (isSeq(node) && typeof seg === 'number') {
      node = node.items[seg];
      if (node === undefined) return best;
      best = startLine(node, lineCounter) ?? best;
    } else {
      return best;
    }
  }
  return best;
}

function startLine(node: unknown, lineCounter: LineCounter): number | undefined {
  const range = (node as Node | null | undefined)?.range;
  if (!range) return undefined;
  return lineCounter.linePos(range[0]).line;
}
