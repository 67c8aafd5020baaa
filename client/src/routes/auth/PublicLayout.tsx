// The frame of the signed-out pages: a centred card under the hospital's name, inside the
// page's `main` landmark. Plain elements and public.css: sign-in downloads React and the
// router, not MUI, emotion or Apollo.
import type { ReactNode } from 'react';
import './public.css';
import { LANGUAGES, languageName, setLanguage, useLanguage, useT } from '../../i18n';

export function PublicLayout({ title, subtitle, children }: { title: string; subtitle?: string; children: ReactNode }) {
  const { t } = useT();
  return (
    <main className="hms-public">
      <div className="column">
        <div className="brand">
          {/* The same cross as the MUI LocalHospital icon of the signed-in frame. */}
          <svg viewBox="0 0 24 24" aria-hidden="true"><path d="M19 3H5c-1.1 0-1.99.9-1.99 2L3 19c0 1.1.9 2 2 2h14c1.1 0 2-.9 2-2V5c0-1.1-.9-2-2-2m-1 11h-4v4h-4v-4H6v-4h4V6h4v4h4z" /></svg>
          <span>{t('HMS Hospital')}</span>
        </div>
        <section className="card" aria-labelledby="page-title">
          <h1 id="page-title">{title}</h1>
          {subtitle && <p className="subtitle">{subtitle}</p>}
          {children}
        </section>
        <LanguagePicker />
      </div>
    </main>
  );
}

/**
 * The language, before signing in (a Hindi reader switches here): each language named in itself.
 * Plain <select>, as the rest of these pages; the signed-in app has the same choice in the account menu.
 */
export function LanguagePicker({ className = 'language' }: { className?: string }) {
  const { t } = useT();
  const language = useLanguage();
  if (LANGUAGES.length < 2) return null;
  return (
    <div className={className}>
      <label htmlFor="field-language">{t('Language')}</label>
      <select id="field-language" value={language} onChange={(event) => void setLanguage(event.target.value)}>
        {LANGUAGES.map((code) => <option key={code} value={code} lang={code}>{languageName(code)}</option>)}
      </select>
    </div>
  );
}

/** A labelled input with its helper or error text, ids as the MUI forms have them (`field-<name>`). */
export function Field(props: {
  name: string; label: string; value: string; onChange(value: string): void; error?: string; helper?: string;
  type?: string; autoComplete?: string; required?: boolean; autoFocus?: boolean; children?: ReactNode;
}) {
  const { name, label, error, helper, children } = props;
  const id = `field-${name}`;
  const helpId = `${id}-helper-text`;
  const text = error ?? helper;
  const common = {
    id, name, value: props.value, required: props.required, autoFocus: props.autoFocus,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': text ? helpId : undefined,
  };
  return (
    <div className={`field${error ? ' invalid' : ''}`}>
      <label htmlFor={id}>{label}{props.required ? ' *' : ''}</label>
      {children
        ? <select {...common} onChange={(e) => props.onChange(e.target.value)}>{children}</select>
        : <input {...common} type={props.type ?? 'text'} autoComplete={props.autoComplete} onChange={(e) => props.onChange(e.target.value)} />}
      {text && <p className="helper" id={helpId}>{text}</p>}
    </div>
  );
}
