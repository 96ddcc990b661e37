import { describe, expect, it } from 'vitest';
import { parseDeepLink } from '../../../src/store/deep-link';
import { fileNamesOf } from '../../../src/store/file-names';

describe('fileNamesOf', () => {
  it('finds every spelling of -f', () => {
    expect(
      fileNamesOf('kubectl apply -f a.yaml --filename b.yaml -f=c.yaml --filename=d.yaml -fe.yaml'),
    ).toEqual(['a.yaml', 'b.yaml', 'c.yaml', 'd.yaml', 'e.yaml']);
  });

  it('ignores stdin, URLs and repeats', () => {
    expect(fileNamesOf('kubectl apply -f - -f https://x/y.yaml -f a.yaml -f a.yaml')).toEqual(['a.yaml']);
  });
});

describe('parseDeepLink', () => {
  it('reads the user, the command and autoplay', () => {
    expect(parseDeepLink('?as=bob&cmd=kubectl%20get%20pods&autoplay=1')).toEqual({
      user: 'bob',
      command: 'kubectl get pods',
      autoplay: true,
    });
  });

  it('ignores what is missing or empty', () => {
    expect(parseDeepLink('?as=&cmd=%20')).toEqual({ autoplay: false });
  });
});
