import { useAppStore } from '../../../store/context';
import { selectActiveTraceIndex, selectRunUser, selectTraces, selectUsers } from '../../../store/selectors';
import { RequestLog } from '../composer/RequestLog';

/** kubectl's -v=8 log of the last send: every request, follow-ups included. */
export function LogTab() {
  const traces = useAppStore(selectTraces);
  const activeIndex = useAppStore(selectActiveTraceIndex);
  const users = useAppStore(selectUsers);
  const user = useAppStore(selectRunUser);
  const credential = users.find((u) => u.name === user)?.credential;
  return (
    <RequestLog
      activeIndex={activeIndex}
      traces={traces}
      {...(credential === undefined ? {} : { credential })}
    />
  );
}
