// A suggestion with its [slots] shown as blanks to fill, never as facts.
export function Suggestion({ text }: { text: string }) {
  return (
    <>
      {text.split(/(\[[^\]]+\])/).map((part, i) =>
        /^\[[^\]]+\]$/.test(part) ? (
          <span key={i} class="slot">
            {part}
          </span>
        ) : (
          part
        ),
      )}
    </>
  );
}
