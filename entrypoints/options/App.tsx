// The options page: how plans are judged, a school's or LA's own phrases, what was ignored, where Plan Lens runs,
// and the file to carry all of it to another browser. A setting the organisation's policy fixes is shown locked.
// Every change is saved at once and reaches open pages, the side panel and the review page (src/extension/settings.ts).
import { t } from '../../src/extension/i18n';
import { Backup } from './Backup';
import { Checking } from './Checking';
import { HousePhrases } from './HousePhrases';
import { IgnoredList } from './IgnoredList';
import { Sites } from './Sites';
import { useSettings } from './use-settings';

export function App() {
  const effective = useSettings();
  return (
    <main>
      <h1>{t('optionsTitle')}</h1>
      <p class="note">{t('optionsPrivacy')}</p>
      {effective && effective.locked.size > 0 && <p class="note managed">{t('optionsManaged')}</p>}
      {effective && (
        <>
          <Checking effective={effective} />
          <HousePhrases effective={effective} />
        </>
      )}
      <IgnoredList />
      <Sites />
      <Backup />
    </main>
  );
}
