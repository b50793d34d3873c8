// Three ways in: drop a file (anywhere on the page), pick one, or paste the text.
import { useState } from 'preact/hooks';
import { t } from '../../src/extension/i18n';

interface Props {
  /** A picked file; dropped files are handled page-wide by the App. */
  onFile: (file: File) => void;
  onText: (text: string) => void;
  /** Once a plan is shown the zone shrinks to a bar. */
  compact: boolean;
}

export function DropZone({ onFile, onText, compact }: Props) {
  const [over, setOver] = useState(false);
  const [pasted, setPasted] = useState('');
  return (
    <section
      class={`drop ${over ? 'over' : ''} ${compact ? 'compact' : ''}`}
      aria-label={t('reviewChoose')}
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      // The drop itself bubbles to the page's handler, which reads the file.
      onDrop={() => setOver(false)}
    >
      <label class="pick">
        <span>{t('reviewDrop')}</span>
        <input
          type="file"
          accept=".pdf,.docx,.html,.htm,.txt,.md,.markdown,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document,text/html,text/plain,text/markdown"
          onChange={(e) => {
            const input = e.currentTarget;
            const file = input.files?.[0];
            if (file) onFile(file);
            input.value = '';
          }}
        />
        <small>{t('reviewFileTypes', t('docSupportedFiles'))}</small>
      </label>
      <form
        class="paste"
        onSubmit={(e) => {
          e.preventDefault();
          if (pasted.trim()) onText(pasted);
        }}
      >
        <label for="paste-text">{t('reviewPaste')}</label>
        <textarea id="paste-text" rows={compact ? 2 : 6} value={pasted} onInput={(e) => setPasted(e.currentTarget.value)} />
        <button type="submit" disabled={!pasted.trim()}>
          {t('reviewCheckPasted')}
        </button>
      </form>
    </section>
  );
}
