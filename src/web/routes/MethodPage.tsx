import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { DomainId, StageId } from '../../domain/instrument/types.ts';
import { wheel } from '../../domain/instrument/wheel.ts';
import { WheelPicture } from '../components/WheelPicture.tsx';
import { CANVAS_SIZES, canvasUrl } from '../features/wheel/canvas.ts';
import { useTranslate } from '../i18n/index.ts';

// The page's sections in the order shown: the table of contents and the headings come from this one list.
const SECTIONS = ['domains', 'rings', 'topics', 'conversation', 'research'] as const;
type Section = (typeof SECTIONS)[number];

const STEPS = ['private', 'reveal', 'agenda', 'agreements'] as const;
const SOURCES = ['wheel', 'report', 'continuum', 'process'] as const;

/** Stages from the outside ring to the core, as the instrument numbers them. */
const stages = [...wheel.stages].sort((a, b) => a.order - b.order);

const topicsOf = (domain: DomainId, stage: StageId) =>
  wheel.topics.filter((t) => t.domain === domain && t.stage === stage);

/**
 * "De methode": the wheel's domains, rings and topics read from the instrument (src/domain/instrument), how to
 * run the conversation and the research behind it. Public, so a partner can read it before signing up.
 */
export function MethodPage() {
  const { t } = useTranslation();
  const { lang } = useTranslate();
  const title: Record<Section, string> = {
    domains: t('method.domainsTitle'),
    rings: t('method.ringsTitle'),
    topics: t('method.topicsTitle', { count: wheel.topics.length }),
    conversation: t('method.conversationTitle'),
    research: t('method.researchTitle'),
  };

  // The page renders after its chunk arrives, too late for the browser's own jump to a #section in the URL.
  useEffect(() => {
    const id = decodeURIComponent(window.location.hash.slice(1));
    if (id) document.getElementById(id)?.scrollIntoView();
  }, []);

  return (
    <article className="method">
      <header className="hero method-hero">
        <div className="hero-text">
          <h1>{t('method.title')}</h1>
          <p className="lead">{t('method.lead')}</p>
        </div>
        <figure className="hero-wheel">
          <WheelPicture />
          <figcaption>{t('method.wheelCaption')}</figcaption>
        </figure>
      </header>

      <nav className="toc" aria-labelledby="method-toc">
        <h2 id="method-toc">{t('method.toc')}</h2>
        <ol>
          {SECTIONS.map((id) => (
            <li key={id}>
              <a href={`#${id}`}>{title[id]}</a>
            </li>
          ))}
        </ol>
      </nav>

      <section id="domains" aria-labelledby="domains-title" className="method-section">
        <h2 id="domains-title">{title.domains}</h2>
        <p>{t('method.domainsIntro')}</p>
        <ul className="method-cards">
          {wheel.domains.map((domain) => (
            <li key={domain.id} className={`method-card domain-${domain.id}`}>
              <h3>
                <span className="domain-dot" aria-hidden="true" />
                {domain.label[lang]}
              </h3>
              <p>{t(`method.domainText.${domain.id}`)}</p>
            </li>
          ))}
        </ul>
      </section>

      <section id="rings" aria-labelledby="rings-title" className="method-section">
        <h2 id="rings-title">{title.rings}</h2>
        <p>{t('method.ringsIntro')}</p>
        <ol className="method-rings">
          {stages.map((stage) => (
            <li key={stage.id} className={`ring-${stage.ring}`}>
              <h3>{stage.label[lang]}</h3>
              <p className="muted">{t(`method.ringPlace.${stage.id}`)}</p>
              <p>{stage.purpose[lang]}</p>
            </li>
          ))}
        </ol>
        <p>{t('method.deepening')}</p>
        <p>{t('method.circular')}</p>
      </section>

      <section id="topics" aria-labelledby="topics-title" className="method-section">
        <h2 id="topics-title">{title.topics}</h2>
        <p>{t('method.topicsIntro')}</p>
        {wheel.domains.map((domain) => (
          <div key={domain.id} className={`method-domain domain-${domain.id}`}>
            <h3>
              <span className="domain-dot" aria-hidden="true" />
              {domain.label[lang]}
            </h3>
            {stages.map((stage) => (
              <div key={stage.id} className="method-stage">
                <h4>{stage.label[lang]}</h4>
                <ul className="method-topics">
                  {topicsOf(domain.id, stage.id).map((topic) => (
                    <li key={topic.id} data-topic={topic.id}>
                      <strong>{topic.label[lang]}</strong>
                      <span className="question">{topic.question[lang]}</span>
                    </li>
                  ))}
                </ul>
              </div>
            ))}
          </div>
        ))}
      </section>

      <section id="conversation" aria-labelledby="conversation-title" className="method-section">
        <h2 id="conversation-title">{title.conversation}</h2>
        <h3>{t('method.whoTitle')}</h3>
        <p>{t('method.who')}</p>
        <h3>{t('method.howLongTitle')}</h3>
        <p>{t('method.howLong')}</p>
        <h3>{t('method.stepsTitle')}</h3>
        <p>{t('method.prepare')}</p>
        <ol className="steps method-steps">
          {STEPS.map((step) => (
            <li key={step}>
              <h4>{t(`method.steps.${step}.title`)}</h4>
              <p>{t(`method.steps.${step}.text`)}</p>
            </li>
          ))}
        </ol>
        <p className="method-tip">{t('method.tip')}</p>
        <h3>{t('canvas.methodTitle')}</h3>
        <p>{t('canvas.methodText')}</p>
        <p className="actions">
          {CANVAS_SIZES.map((size) => (
            <a key={size} className="button small" href={canvasUrl(size, lang)} download>
              {t(size === 'a4' ? 'canvas.emptyA4' : 'canvas.emptyA3')}
            </a>
          ))}
        </p>
      </section>

      <section id="research" aria-labelledby="research-title" className="method-section">
        <h2 id="research-title">{title.research}</h2>
        <p>{t('method.research')}</p>
        <p>{t('method.findings')}</p>
        <p>{t('method.scope')}</p>
        <h3>{t('method.sourcesTitle')}</h3>
        <ul className="method-sources">
          {SOURCES.map((source) => (
            <li key={source}>{t(`method.sources.${source}`)}</li>
          ))}
        </ul>
        <p className="muted">{t('method.sources.translation')}</p>
      </section>
    </article>
  );
}
