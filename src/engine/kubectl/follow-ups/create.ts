import { readManifests } from '../objects';
import { type Handler, sendAll } from './handler';

/** `kubectl create -f`: every object is tried; errors carry `error when creating "<file>": `. */
export const createHandler: Handler = (parsed, session, ctx) => {
  const filenames = parsed.input.flags.strings('filename');
  const sources =
    filenames.length > 0 ? readManifests(filenames, parsed.input.files).map((m) => m.source) : [];
  sendAll(parsed, session, ctx, sources);
};
