/**
 * The files a command reads with `-f`/`--filename` (`-f x.yaml`, `-f=x.yaml`, `--filename x.yaml`,
 * `-fx.yaml`), in order and without duplicates; `-` (stdin) and URLs are not files to edit.
 */
export function fileNamesOf(command: string): string[] {
  const words = command.trim().split(/\s+/);
  const names: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const word = words[i] ?? '';
    let name: string | undefined;
    if (word === '-f' || word === '--filename') name = words[i + 1];
    else if (word.startsWith('--filename=')) name = word.slice('--filename='.length);
    else if (word.startsWith('-f=')) name = word.slice(3);
    else if (word.startsWith('-f') && word.length > 2 && !word.startsWith('--')) name = word.slice(2);
    const unquoted = name?.replace(/^['"]|['"]$/g, '');
    if (unquoted && unquoted !== '-' && !/^https?:\/\//.test(unquoted) && !names.includes(unquoted)) {
      names.push(unquoted);
    }
  }
  return names;
}
