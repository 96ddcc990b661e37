import { type Credential, type HttpRequest, toCurl } from '../../../engine';
import { useT } from '../../../i18n';
import { useAppStore } from '../../../store/context';
import { selectDerived, selectUser, selectUsers } from '../../../store/selectors';
import { CodeBlock } from '../../components/CodeBlock';
import { Disclosure } from '../../components/Disclosure';
import { wireHeaders } from './request-log';

/** kubectl sends compact JSON; shown pretty when it parses, as-is when it does not. */
function prettyBody(body: string): string {
  try {
    return JSON.stringify(JSON.parse(body), null, 2);
  } catch {
    return body;
  }
}

function safeCurl(request: HttpRequest, credential: Credential | undefined): string {
  try {
    return toCurl(request, credential);
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

function OneRequest({
  request,
  credential,
}: {
  readonly request: HttpRequest;
  readonly credential?: Credential;
}) {
  const t = useT();
  // As kubectl puts them on the wire: with the credential's Authorization header, masked.
  const headers = wireHeaders(request, credential);
  return (
    <div className="flex flex-col gap-2" data-testid="http-request">
      <p className="flex min-w-0 items-baseline gap-2 font-mono text-sm">
        <span className="rounded-md bg-accent-soft px-1.5 py-0.5 text-xs font-bold text-accent">
          {request.method}
        </span>
        <span className="min-w-0 break-all text-text">{request.path}</span>
      </p>
      {headers.length > 0 && (
        <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-0.5 font-mono text-xs">
          {headers.map(([name, value]) => (
            <div className="contents" key={name}>
              <dt className="text-muted">{name}:</dt>
              <dd className="min-w-0 break-all text-text">{value}</dd>
            </div>
          ))}
        </dl>
      )}
      {request.body === undefined ? (
        <p className="text-xs text-muted">{t('composer.http.noBody')}</p>
      ) : (
        <Disclosure summary={t('composer.http.body')}>
          <CodeBlock label={t('composer.http.body')}>{prettyBody(request.body)}</CodeBlock>
        </Disclosure>
      )}
      <Disclosure summary={t('composer.http.tab.curl')}>
        <CodeBlock label={t('composer.http.tab.curl')} testId="curl" tone="terminal">
          {safeCurl(request, credential)}
        </CodeBlock>
      </Disclosure>
    </div>
  );
}

/** The HTTP request(s) the command becomes, and the equivalent curl. */
export function RequestPreview() {
  const t = useT();
  const derived = useAppStore(selectDerived);
  const users = useAppStore(selectUsers);
  const user = useAppStore(selectUser);
  const credential = users.find((u) => u.name === user)?.credential;
  const requests = derived.ok ? derived.requests : [];
  return (
    <div className="flex flex-col gap-2">
      <h3 className="text-sm font-medium text-text">{t('composer.http')}</h3>
      {requests.length === 0 && <p className="text-sm text-muted">{t('composer.http.none')}</p>}
      {requests.length > 1 && (
        <p className="text-xs text-muted">{t('composer.http.count', { count: requests.length })}</p>
      )}
      {/* Requests are numbered by position: the list is derived afresh from the command. */}
      {requests
        .map((request, position) => ({ request, n: position + 1 }))
        .map(({ request, n }) => (
          <OneRequest credential={credential} key={n} request={request} />
        ))}
    </div>
  );
}
