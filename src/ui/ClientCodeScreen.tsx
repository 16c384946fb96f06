import { useState, type FormEvent } from 'react'
import { useApp } from '../state/appStore.ts'
import { setClientCode } from '../state/lobbyActions.ts'
import { isValidClientCode, normaliseClientCode } from '../storage/clientCode.ts'
import { useT } from '../i18n/useT.ts'
import { Layout } from './Layout.tsx'
import { ReadAloudButton } from '../widgets/ReadAloudButton.tsx'

export function ClientCodeScreen() {
  const t = useT()
  const [value, setValue] = useState(useApp.getState().clientCode ?? '')
  const [touched, setTouched] = useState(false)
  const code = normaliseClientCode(value)
  const valid = isValidClientCode(code)
  const submit = (e: FormEvent) => {
    e.preventDefault()
    setTouched(true)
    if (valid) setClientCode(code)
  }
  return (
    <Layout title={t('codeTitle')}>
      <ReadAloudButton text={`${t('codeTitle')} ${t('codeHelp')}`} />
      <form onSubmit={submit} noValidate>
        <p id="code-help">{t('codeHelp')}</p>
        <label htmlFor="client-code">{t('codeLabel')}</label>
        <input
          id="client-code"
          className="big-input"
          value={value}
          onChange={(e) => setValue(e.target.value)}
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          maxLength={12}
          aria-describedby="code-help code-error"
          aria-invalid={touched && !valid}
        />
        <p id="code-error" role={touched && !valid ? 'alert' : undefined} className="error">
          {touched && !valid ? t('codeInvalid') : ''}
        </p>
        <button type="submit" className="primary">
          {t('next')}
        </button>
      </form>
    </Layout>
  )
}
