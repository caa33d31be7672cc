/** A message in flight. Shape tells request (filled disc) from reply (ring); colour tells its
 * family; a dashed halo marks a duplicate; an empty message (heartbeat) is smaller. A large
 * invisible disc makes it easy to hit while it moves. */
import { memo, useMemo, type MouseEvent } from 'react';
import type { Message } from '../../sim/types';
import { isEmptyPayload, messageKind } from './geometry';
import { messageColor } from './palette';
import { messageTitle, type Translate } from './labels';

export interface MessageDotProps {
  message: Message;
  x: number;
  y: number;
  blocked: 'partition' | 'cut' | null;
  selected: boolean;
  t: Translate;
  onSelect(id: number): void;
  onMenu(id: number, client: { x: number; y: number }): void;
}

export const MESSAGE_HIT_RADIUS = 13;

/** Radius of a message's disc: an empty message (a heartbeat) is smaller. */
export const dotSize = (message: Message): number => (isEmptyPayload(message.payload) ? 3.6 : 5.4);

export const MessageDot = memo(function MessageDot({ message, x, y, blocked, selected, t, onSelect, onMenu }: MessageDotProps) {
  const title = useMemo(() => messageTitle(t, message, blocked), [t, message, blocked]);
  const kind = messageKind(message.type);
  const color = messageColor(message.type);
  const size = dotSize(message);
  const click = (e: MouseEvent) => {
    e.stopPropagation();
    onSelect(message.id);
  };
  const menu = (e: MouseEvent) => {
    e.preventDefault();
    e.stopPropagation();
    onMenu(message.id, { x: e.clientX, y: e.clientY });
  };
  return (
    <g
      className={`cl-msg cl-msg-${kind}${selected ? ' is-selected' : ''}${blocked ? ' is-blocked' : ''}`}
      transform={`translate(${x} ${y})`}
      data-message={message.id}
      data-kind={kind}
      data-type={message.type}
      data-from={message.from}
      data-to={message.to}
      onClick={click}
      onContextMenu={menu}
    >
      <title>{title}</title>
      <circle className="cl-msg-hit" r={MESSAGE_HIT_RADIUS} />
      {selected && <circle className="cl-msg-select" r={size + 5.5} />}
      {message.duplicateOf !== undefined && <circle className="cl-msg-dup" r={size + 3.2} stroke={color} />}
      {kind === 'request' ? (
        <circle className="cl-msg-shape" r={size} fill={color} />
      ) : (
        <circle className="cl-msg-shape" r={size - 0.9} stroke={color} />
      )}
    </g>
  );
});
