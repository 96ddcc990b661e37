// Shell words (tokenize.ts) and spf13/pflag flag syntax (flags.ts), seen through kubectlToRequests.
import { describe, expect, it } from 'vitest';
import { encodeQuery, queryEscape, tokenize } from '../../../../src/engine/kubectl';
import { errorOf, lines } from './helpers';

describe('tokenize', () => {
  it('splits on whitespace and keeps quoted spaces', () => {
    expect(tokenize(`kubectl annotate pod web note="hello world" 'x=a b'`)).toEqual([
      'kubectl',
      'annotate',
      'pod',
      'web',
      'note=hello world',
      'x=a b',
    ]);
  });

  it('treats single quotes literally and honours escapes in double quotes and outside quotes', () => {
    expect(tokenize(`a '\\n"' "say \\"hi\\" \\$x" b\\ c`)).toEqual(['a', '\\n"', 'say "hi" $x', 'b c']);
  });

  it('joins adjacent quoted and bare parts into one word', () => {
    expect(tokenize(`-p='{"a":1}'x`)).toEqual(['-p={"a":1}x']);
  });

  it('keeps an empty quoted word', () => {
    expect(tokenize(`a "" b`)).toEqual(['a', '', 'b']);
  });

  it('rejects an unterminated quote', () => {
    expect(() => tokenize(`get pods -l 'app=web`)).toThrow('unexpected EOF');
  });
});

describe('flag syntax (pflag)', () => {
  it.each([
    'get pods -n dev',
    'get pods -ndev',
    'get pods -n=dev',
    'get pods --namespace dev',
    'get pods --namespace=dev',
    '-n dev get pods',
    'kubectl --namespace=dev get pods',
  ])('%s lists in namespace dev', (command) => {
    expect(lines(command)).toEqual(['GET /api/v1/namespaces/dev/pods?limit=500']);
  });

  it('a leading kubectl is optional', () => {
    expect(lines('kubectl get pods')).toEqual(lines('get pods'));
  });

  it('the context namespace applies when -n is absent, else default', () => {
    expect(lines('get pods', { namespace: 'team-a' })).toEqual([
      'GET /api/v1/namespaces/team-a/pods?limit=500',
    ]);
    expect(lines('get pods -n dev', { namespace: 'team-a' })).toEqual([
      'GET /api/v1/namespaces/dev/pods?limit=500',
    ]);
    expect(lines('get pods')).toEqual(['GET /api/v1/namespaces/default/pods?limit=500']);
  });

  it('bool shorthands bundle (-it) and take =false', () => {
    expect(lines('get pods -Aw')).toEqual(['GET /api/v1/pods?limit=500', 'GET /api/v1/pods?watch=true']);
    expect(lines('get pods -A=false')).toEqual(['GET /api/v1/namespaces/default/pods?limit=500']);
  });

  it('flags may follow or precede arguments', () => {
    expect(lines('get -l app=web pods')).toEqual(lines('get pods -l app=web'));
  });

  it('reports an unknown long flag', () => {
    expect(errorOf('get pods --bogus')).toBe('error: unknown flag: --bogus');
  });

  it('reports an unknown shorthand', () => {
    expect(errorOf('get pods -x')).toBe("error: unknown shorthand flag: 'x' in -x");
  });

  it('reports a flag missing its value', () => {
    expect(errorOf('get pods --selector')).toBe('error: flag needs an argument: --selector');
    expect(errorOf('get pods -n')).toBe("error: flag needs an argument: 'n' in -n");
  });

  it('reports a bad integer the way strconv does', () => {
    expect(errorOf('get pods --chunk-size=ten')).toBe(
      'error: invalid argument "ten" for "--chunk-size" flag: strconv.ParseInt: parsing "ten": invalid syntax',
    );
  });
});

describe('query encoding (Go url.Values.Encode)', () => {
  it('sorts keys and keeps repeated values in order', () => {
    expect(
      encodeQuery([
        ['watch', 'true'],
        ['command', 'ls'],
        ['command', '-l'],
        ['container', 'app'],
      ]),
    ).toBe('command=ls&command=-l&container=app&watch=true');
  });

  it('escapes like url.QueryEscape: space as +, reserved characters percent-encoded', () => {
    expect(queryEscape("app in (web, api)!*'~")).toBe('app+in+%28web%2C+api%29%21%2A%27~');
    expect(queryEscape('é')).toBe('%C3%A9');
  });
});
