/** The key to the cluster view's shapes, and the colours of the message families seen. */
import { memo, type ReactNode } from 'react';
import { messageColor } from './palette';
import { roleName, type Translate } from './labels';
import { ScrollMore } from '../scroll/ScrollMore';

const INK = '#475569';

function Icon({ children }: { children: ReactNode }) {
  return (
    <svg className="cl-legend-icon" viewBox="-8 -8 16 16" width="16" height="16" aria-hidden="true">
      {children}
    </svg>
  );
}

/** `timer`: the protocol has an election timer to draw; `locks`: it has participants that
 * hold locks while uncertain (the padlock badge). */
export const Legend = memo(function Legend({ t, families, roles, hint, timer, locks }: { t: Translate; families: string; roles: string; hint: string; timer: boolean; locks: boolean }) {
  const list = families ? families.split(' ') : [];
  const letters = roles ? roles.split(' ').map((r) => r.split(':') as [string, string]) : [];
  return (
    <div className="cl-legend" aria-label={t('cluster.legend')} role="group">
      {letters.length > 0 && (
        <ul className="cl-legend-roles" data-testid="legend-roles" aria-label={t('cluster.legend.roles')}>
          {letters.map(([letter, role]) => (
            <li key={role}>
              <span className="cl-role-key">{letter}</span>
              {roleName(t, role)}
            </li>
          ))}
        </ul>
      )}
      <ul>
        <li>
          <Icon>
            <circle r={5} fill={INK} />
          </Icon>
          {t('cluster.legend.request')}
        </li>
        <li>
          <Icon>
            <circle r={4.2} fill="#fff" stroke={INK} strokeWidth={2} />
          </Icon>
          {t('cluster.legend.reply')}
        </li>
        <li>
          <Icon>
            <circle r={3.4} fill={INK} />
          </Icon>
          {t('cluster.legend.heartbeat')}
        </li>
        <li>
          <Icon>
            <circle r={4} fill={INK} />
            <circle r={7} fill="none" stroke={INK} strokeWidth={1.2} strokeDasharray="2 1.6" />
          </Icon>
          {t('cluster.legend.duplicate')}
        </li>
        <li>
          <Icon>
            <path d="M-4.5,-4.5L4.5,4.5M4.5,-4.5L-4.5,4.5" stroke="#dc2626" strokeWidth={2.4} strokeLinecap="round" />
          </Icon>
          {t('cluster.legend.lost')}
        </li>
        <li>
          <Icon>
            <path d="M-7,4L7,-4" stroke="#dc2626" strokeWidth={1.2} strokeDasharray="2 2" />
            <path d="M-2.5,-5.5L2.5,5.5" stroke="#b91c1c" strokeWidth={3.2} strokeLinecap="round" />
          </Icon>
          {t('cluster.legend.wall')}
        </li>
        <li>
          <Icon>
            <path d="M-1,-4L-1,4" stroke="#b91c1c" strokeWidth={2.6} strokeLinecap="round" />
            <path d="M-3,0L-8,-3.5L-8,3.5Z" fill="#b91c1c" />
          </Icon>
          {t('cluster.legend.cut')}
        </li>
        {timer && (
          <li>
            <Icon>
              <circle r={6} fill="none" stroke="#e2e8f0" strokeWidth={2.4} />
              <path d="M0,-6A6,6 0 1 1 -6,0" fill="none" stroke={INK} strokeWidth={2.4} />
            </Icon>
            {t('cluster.legend.timer')}
          </li>
        )}
        {locks && (
          <li>
            <Icon>
              <circle r={7} fill="#fef3c7" stroke="#b45309" strokeWidth={1.2} />
              <path d="M-2.8,-1.2V-3.4a2.8,2.8 0 0 1 5.6,0V-1.2" fill="none" stroke="#b45309" strokeWidth={1.6} />
              <rect x={-4.2} y={-1.4} width={8.4} height={6} rx={1.2} fill="#b45309" />
            </Icon>
            {t('cluster.legend.locked')}
          </li>
        )}
      </ul>
      {list.length > 0 && (
        <ul className="cl-legend-types">
          {list.map((f) => (
            <li key={f}>
              <span className="cl-swatch" style={{ background: messageColor(f) }} />
              {f}
            </li>
          ))}
        </ul>
      )}
      <p className="cl-hint">{hint}</p>
      {/* Beside the drawing (901-1280 px) the key scrolls when taller than the stage. */}
      <ScrollMore testId="legend-more" />
    </div>
  );
});
