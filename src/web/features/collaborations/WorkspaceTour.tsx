import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { wheel } from '../../../domain/instrument/wheel.ts';
import { rememberTourSeen } from './tour.ts';

/** The tour's steps, in the order a round goes: the wheel, answering alone, the reveal, the agenda, what follows. */
const STEPS = ['wheel', 'private', 'reveal', 'agenda', 'agreements'] as const;

/**
 * A short tour of the workspace in a native modal <dialog> (decision 0004): the browser moves focus into it,
 * keeps it there, closes it on Escape and leaves the page inert behind it. Every way out (Skip, Done, Escape)
 * ends in the dialog's close event, which remembers the tour as seen and puts focus back where it was.
 */
export function WorkspaceTour({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const dialog = useRef<HTMLDialogElement>(null);
  const forward = useRef<HTMLButtonElement>(null);
  const returnTo = useRef<HTMLElement | null>(null);
  const [step, setStep] = useState(0);

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) {
      returnTo.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      setStep(0);
      element.showModal();
      // The browser would focus the first button (Skip); the way forward is what most people want.
      forward.current?.focus();
    } else if (!open && element.open) {
      element.close();
    }
  }, [open]);

  const closed = () => {
    rememberTourSeen();
    onClose();
    returnTo.current?.focus();
  };
  const last = step === STEPS.length - 1;
  const current = STEPS[step]!;
  const back = () => {
    setStep(step - 1);
    // The Back button goes away on the first step: keep focus on a button rather than lose it to the page.
    if (step === 1) forward.current?.focus();
  };

  return (
    <dialog ref={dialog} className="tour" aria-label={t('method.tour.label')} onClose={closed}>
      {open && (
        <>
          <div className="tour-step" aria-live="polite">
            <p className="tour-progress">
              {t('method.tour.progress', { step: step + 1, total: STEPS.length })}
            </p>
            <h2>{t(`method.tour.${current}.title`)}</h2>
            <p>{t(`method.tour.${current}.text`, { count: wheel.topics.length })}</p>
            {last && (
              <p>
                <Link to="/method" onClick={rememberTourSeen}>
                  {t('method.tour.more')}
                </Link>
              </p>
            )}
          </div>
          <ol className="tour-dots" aria-hidden="true">
            {STEPS.map((id, i) => (
              <li key={id} className={i === step ? 'current' : undefined} />
            ))}
          </ol>
          <div className="tour-buttons">
            <button type="button" className="link-button" onClick={() => dialog.current?.close()}>
              {t('method.tour.skip')}
            </button>
            <span className="tour-moves">
              {step > 0 && (
                <button type="button" className="button" onClick={back}>
                  {t('method.tour.back')}
                </button>
              )}
              <button
                ref={forward}
                type="button"
                className="button primary"
                onClick={() => (last ? dialog.current?.close() : setStep(step + 1))}
              >
                {last ? t('method.tour.done') : t('method.tour.next')}
              </button>
            </span>
          </div>
        </>
      )}
    </dialog>
  );
}
