import { useId } from 'react';
import { useT } from '../../../i18n';
import { useAppStore, useAppStoreApi } from '../../../store/context';
import { selectUser, selectUsers } from '../../../store/selectors';

/** Who sends the request: each user's name and what their credential is. */
export function UserPicker() {
  const t = useT();
  const store = useAppStoreApi();
  const users = useAppStore(selectUsers);
  const user = useAppStore(selectUser);
  const id = useId();
  return (
    <div className="flex min-w-0 flex-col gap-1.5">
      <label className="text-sm font-medium text-text" htmlFor={id}>
        {t('composer.user')}
      </label>
      <select
        className="h-10 w-full min-w-0 rounded-lg border border-border-strong bg-panel px-2 text-sm text-text"
        data-testid="user-select"
        id={id}
        onChange={(e) => store.getState().setUser(e.target.value)}
        value={user}
      >
        {users.map((u) => (
          <option key={u.name} value={u.name}>
            {u.description === undefined
              ? u.name
              : t('composer.user.option', { name: u.name, description: u.description })}
          </option>
        ))}
      </select>
    </div>
  );
}
