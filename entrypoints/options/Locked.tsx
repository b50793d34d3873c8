import { t } from '../../src/extension/i18n';

/** Said beside a setting the organisation's policy fixes (its control is disabled). */
export function Locked() {
  return (
    <span class="locked" title={t('optionsLockedTitle')}>
      {t('optionsLocked')}
    </span>
  );
}
