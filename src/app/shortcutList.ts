/** Every keyboard shortcut, once: the handler and the help overlay both read this list. */
import type { StringKey } from '../i18n';

export interface Shortcut {
  keys: string[];
  help: StringKey;
}

export const SHORTCUTS: Shortcut[] = [
  { keys: ['Space'], help: 'help.playPause' },
  { keys: ['→'], help: 'help.step' },
  { keys: ['←'], help: 'help.stepBack' },
  { keys: ['Shift+←', 'Shift+→'], help: 'help.faultJump' },
  { keys: ['Shift+V', 'V'], help: 'help.violationJump' },
  { keys: ['Home', 'End'], help: 'help.startEnd' },
  { keys: ['[', ']'], help: 'help.speed' },
  { keys: ['1', '…', '9'], help: 'help.selectNode' },
  { keys: ['A'], help: 'ux.help.actions' },
  { keys: ['C'], help: 'help.crash' },
  { keys: ['Shift+C'], help: 'help.loseDisk' },
  { keys: ['Z'], help: 'help.pause' },
  { keys: ['T'], help: 'help.timeout' },
  { keys: ['Q'], help: 'help.request' },
  { keys: ['K'], help: 'help.skew' },
  { keys: ['X'], help: 'help.drop' },
  { keys: ['D'], help: 'help.duplicate' },
  { keys: ['Y'], help: 'help.delay' },
  { keys: ['P'], help: 'help.partition' },
  { keys: ['H'], help: 'help.heal' },
  { keys: ['M'], help: 'help.manual' },
  { keys: ['L'], help: 'help.link' },
  { keys: ['W'], help: 'help.compare' },
  { keys: ['F'], help: 'help.explore' },
  { keys: ['S'], help: 'newcomer.help.scenarios' },
  { keys: [','], help: 'newcomer.help.settings' },
  { keys: ['Esc'], help: 'help.escape' },
  { keys: ['Ctrl+O'], help: 'help.open' },
  { keys: ['?'], help: 'help.help' },
  { keys: ['N'], help: 'tours.help.next' },
  { keys: ['B'], help: 'tours.help.back' },
];
