/**
 * What the `yaml` package throws from `doc.toJS` (after parsing succeeded), in go-yaml's words as
 * kubectl and the apiserver print them (gopkg.in/yaml.v2 decode.go). toJS throws a ReferenceError
 * for an alias to no anchor (`*a`) and for too many aliases; callers turn the text into their own
 * error so the exception never escapes the engine.
 */
export function goYamlErrorText(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof ReferenceError) {
    // yaml: "Unresolved alias (the anchor must be set before the alias): a"; go-yaml's parser.alias.
    const unresolved = /^Unresolved alias[^:]*: (.*)$/.exec(message);
    if (unresolved !== null) return `unknown anchor '${unresolved[1]}' referenced`;
    // yaml: "Excessive alias count indicates a resource exhaustion attack"; go-yaml's alias budget.
    if (/alias/i.test(message)) return 'document contains excessive aliasing';
  }
  return message;
}

/** `doc.toJS(options)`, with what it throws turned into go-yaml's text: `{ ok: false, error }`. */
export function yamlToJs(
  doc: { toJS(options?: object): unknown },
  options?: object,
): { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly error: string } {
  try {
    return { ok: true, value: doc.toJS(options) };
  } catch (error) {
    return { ok: false, error: goYamlErrorText(error) };
  }
}
