/** What the space-time controller is given (its elements, texts and callbacks) and gives back
 * (the tooltip): the contract between SpaceTime.tsx and controller.ts. */
import type { TipText, Translate } from './describe';
import type { RenderLabels } from './render';

export interface Tip extends TipText {
  x: number;
  y: number;
}

export interface ControllerCallbacks {
  onFollow(follow: boolean): void;
  onTip(tip: Tip | null): void;
}

export interface ControllerElements {
  canvas: HTMLCanvasElement;
  stage: HTMLElement;
  track: HTMLElement;
  thumb: HTMLElement;
  status: HTMLElement;
}

export interface Texts {
  t: Translate;
  labels: RenderLabels;
  invariantName(id: string): string;
  /** A violation's message in the reader's language. */
  violationText?(message: string): string;
}
