/** The tour picker: the built-in tours, in the current language. */
import { Dialog } from '../dialogs/Dialog';
import { useSession, useSessionStore, useT } from '../session';
import { BUILTIN_TOURS } from '../../scenario/tour/builtin';
import { pick } from '../../scenario/tour/text';
import { protocolName } from '../../i18n/content';
import { useAllProtocols } from '../dialogs/useProtocols';
import { openTour } from '../../store/tourFile';
import { tourProtocols } from '../../scenario/tour/scenarioRef';
import { recordStore } from '../../store/tourRecord';
import './tours.css';

export function TourPicker() {
  const t = useT();
  const lang = useSession((s) => s.lang);
  const store = useSessionStore();
  const protocols = useAllProtocols();
  const name = (id: string) => {
    const p = protocols.get(id);
    return p ? protocolName(lang, p) : id;
  };
  return (
    <Dialog title={t('tours.pickerTitle')} testid="tours">
      <p>{t('tours.pickerIntro')}</p>
      <p>
        <button
          type="button"
          onClick={() => {
            store.getState().openDialog(null);
            recordStore.getState().start(store);
          }}
          title={t('record.openTip')}
          data-testid="record-start"
        >
          ● {t('record.open')}
        </button>
      </p>
      <ul className="tour-list">
        {BUILTIN_TOURS.map((tour) => ({ tour, ...tourProtocols(tour) })).map(({ tour, protocol, compare }) => (
          <li key={tour.id}>
            <div>
              <strong>{pick(tour.title, lang)}</strong>
              <p>{pick(tour.description, lang)}</p>
              <p className="tour-note">
                {name(protocol)}
                {compare !== undefined && ` ⇆ ${name(compare)} (${t('tours.compareNote')})`} · {t('tours.steps', { n: tour.steps.length })} · <code>{tour.id}</code>
              </p>
            </div>
            <button
              type="button"
              className="primary"
              aria-label={t('tours.startLabel', { name: pick(tour.title, lang) })}
              data-testid={`tour-start-${tour.id}`}
              onClick={() => {
                store.getState().openDialog(null);
                void openTour(store, tour);
              }}
            >
              {t('tours.start')}
            </button>
          </li>
        ))}
      </ul>
    </Dialog>
  );
}
