import { useTranslation } from 'react-i18next';

export interface FormErrorSummaryProps {
  /** The form-level message; nothing is rendered without one. */
  message: string | null;
  /** Field errors to list with links to their field (id → label). */
  fields?: { id: string; label: string }[];
}

/** The live region announcing why a submission failed. Kept mounted so screen readers pick up changes. */
export function FormErrorSummary({ message, fields = [] }: FormErrorSummaryProps) {
  const { t } = useTranslation();
  return (
    <div role="alert" className={message ? 'alert alert--error' : 'visually-empty'}>
      {message ? (
        <>
          <p className="alert__title">{message}</p>
          {fields.length > 0 ? (
            <>
              <p className="alert__body">{t('forms.fixFields')}</p>
              <ul className="alert__list">
                {fields.map((field) => (
                  <li key={field.id}>
                    <a
                      href={`#${field.id}`}
                      onClick={(event) => {
                        event.preventDefault();
                        document.getElementById(field.id)?.focus();
                      }}
                    >
                      {field.label}
                    </a>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </>
      ) : null}
    </div>
  );
}
