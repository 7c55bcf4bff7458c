export function SkipLink({ label, target = 'main' }: { label: string; target?: string }) {
  return (
    <a
      className="skip-link"
      href={`#${target}`}
      onClick={(event) => {
        // Keep the router's URL clean: move focus instead of navigating to a fragment.
        event.preventDefault();
        const main = document.getElementById(target);
        main?.focus();
        main?.scrollIntoView();
      }}
    >
      {label}
    </a>
  );
}
