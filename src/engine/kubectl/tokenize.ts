/**
 * Splits a command line the way a POSIX shell would before kubectl sees it: whitespace separates
 * words, 'single quotes' are literal, "double quotes" allow \" \\ \$ \` escapes, and a backslash
 * outside quotes escapes the next character. No expansion ($VAR, globs) is done.
 */
import { KubectlError } from './errors';

export function tokenize(commandLine: string): string[] {
  const words: string[] = [];
  let current = '';
  let inWord = false;
  let i = 0;
  const s = commandLine;
  while (i < s.length) {
    const ch = s[i] as string;
    if (ch === "'") {
      const end = s.indexOf("'", i + 1);
      if (end === -1) throw new KubectlError("unexpected EOF while looking for matching `''");
      current += s.slice(i + 1, end);
      inWord = true;
      i = end + 1;
    } else if (ch === '"') {
      i++;
      let closed = false;
      while (i < s.length) {
        const c = s[i] as string;
        if (c === '"') {
          closed = true;
          i++;
          break;
        }
        if (c === '\\' && i + 1 < s.length && '"\\$`\n'.includes(s[i + 1] as string)) {
          if (s[i + 1] !== '\n') current += s[i + 1];
          i += 2;
          continue;
        }
        current += c;
        i++;
      }
      if (!closed) throw new KubectlError('unexpected EOF while looking for matching `"\'');
      inWord = true;
    } else if (ch === '\\') {
      if (i + 1 < s.length) {
        // A backslash-newline is a line continuation.
        if (s[i + 1] !== '\n') {
          current += s[i + 1];
          inWord = true;
        }
        i += 2;
      } else {
        i++;
      }
    } else if (/\s/.test(ch)) {
      if (inWord) words.push(current);
      current = '';
      inWord = false;
      i++;
    } else {
      current += ch;
      inWord = true;
      i++;
    }
  }
  if (inWord) words.push(current);
  return words;
}
