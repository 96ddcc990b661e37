import { useT } from '../../../i18n';
import { useAppStore, useAppStoreApi } from '../../../store/context';
import { selectCommand, selectScenario, selectUser } from '../../../store/selectors';

/** The catalog's label for a built-in example, else the scenario's own title, else the command. */
function exampleLabel(
  translated: string,
  example: { readonly id: string; readonly title?: string; readonly command: string },
) {
  return translated !== `example.${example.id}` ? translated : (example.title ?? example.command);
}

/** One-click examples from the scenario; each loads its command, user and files. */
export function ExampleList() {
  const t = useT();
  const store = useAppStoreApi();
  const scenario = useAppStore(selectScenario);
  const command = useAppStore(selectCommand);
  const user = useAppStore(selectUser);
  return (
    <div className="flex flex-col gap-1.5">
      <h3 className="text-sm font-medium text-text">{t('composer.examples')}</h3>
      <ul className="flex flex-wrap gap-1.5">
        {scenario.examples.map((example) => {
          const isLoaded = example.command === command && example.user === user;
          return (
            <li key={example.id}>
              <button
                aria-pressed={isLoaded}
                className={`rounded-full border px-3 py-1 text-xs font-medium transition-colors ${isLoaded ? 'border-accent bg-accent-soft text-accent' : 'border-border bg-panel text-text hover:border-border-strong hover:bg-subtle'}`}
                data-example={example.id}
                onClick={() => store.getState().loadExample(example.id)}
                title={`${example.user}: ${example.command}`}
                type="button"
              >
                {exampleLabel(t(`example.${example.id}`), example)}
              </button>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
