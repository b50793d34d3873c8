// Export and import everything the user set as one JSON file. An imported file is checked whole: any problem
// and nothing changes, with every problem said.
import { useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { exportSettings, importSettings, readSettingsFile } from '../../src/extension/settings-file';
import { t } from '../../src/extension/i18n';

export function Backup() {
  const [status, setStatus] = useState<{ done?: string; problems?: string[] }>({});

  const download = async () => {
    const file = await exportSettings(browser.storage.local);
    const url = URL.createObjectURL(new Blob([JSON.stringify(file, null, 2)], { type: 'application/json' }));
    const link = Object.assign(document.createElement('a'), { href: url, download: 'plan-lens-settings.json' });
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
    setStatus({ done: t('exported') });
  };

  const upload = async (input: HTMLInputElement) => {
    const chosen = input.files?.[0];
    input.value = '';
    if (!chosen) return;
    const read = readSettingsFile(await chosen.text());
    if (!read.file) {
      setStatus({ problems: [t('importFailed', chosen.name), ...read.problems.map((say) => say(t))] });
      return;
    }
    await importSettings(browser.storage.local, read.file);
    setStatus({ done: t('imported', chosen.name) });
  };

  return (
    <section aria-labelledby="backup">
      <h2 id="backup">{t('optionsBackup')}</h2>
      <p class="note">{t('optionsBackupNote')}</p>
      <p class="buttons">
        <button type="button" onClick={() => void download()}>
          {t('exportSettings')}
        </button>{' '}
        <label class="button">
          {t('importSettings')}
          <input type="file" name="import" accept=".json,application/json" class="visually-hidden" onChange={(e) => void upload(e.currentTarget)} />
        </label>
      </p>
      {status.done && (
        <p class="done" role="status">
          {status.done}
        </p>
      )}
      {status.problems && (
        <div class="error" role="alert">
          <p>{status.problems[0]}</p>
          <ul>
            {status.problems.slice(1).map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
