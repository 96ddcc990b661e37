/**
 * An error kubectl would print before (or instead of) sending anything: unknown commands, flags and
 * resource types, missing arguments. `message` is kubectl's own first line, `error: …` included.
 */
export class KubectlError extends Error {
  override readonly name = 'KubectlError';
  /** The hint kubectl prints on the next line, e.g. `See 'kubectl get -h' for help and examples`. */
  readonly hint?: string;

  constructor(message: string, hint?: string) {
    super(message);
    if (hint !== undefined) this.hint = hint;
  }
}

/** Usage errors as cmdutil.UsageErrorf formats them (staging/src/k8s.io/kubectl/pkg/cmd/util/helpers.go). */
export function usageError(commandPath: string, message: string): KubectlError {
  return new KubectlError(`error: ${message}`, `See '${commandPath} -h' for help and examples`);
}

/** The builder's error when nothing names a resource (cli-runtime pkg/resource/builder.go). */
export const NO_RESOURCES_MESSAGE = [
  'error: You must provide one or more resources by argument or filename.',
  'Example resource specifications include:',
  "   '-f rsrc.yaml'",
  "   '--filename=rsrc.json'",
  "   '<resource> <name>'",
  "   '<resource>'",
].join('\n');
