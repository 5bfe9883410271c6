import { useEffect, useRef, useState } from 'preact/hooks';

export interface ConfirmButtonProps {
  /** Text of the button that asks. */
  label: string;
  /** The question shown inline after the first press. */
  question: string;
  confirmLabel: string;
  keepLabel: string;
  onConfirm: () => void;
  /** Extra class for the first button (e.g. `danger`). */
  class?: string;
}

/**
 * A button that asks inline before doing something that is hard to undo. The question takes focus when it
 * appears (so it is read out); "keep" puts focus back on the button.
 */
export function ConfirmButton({ label, question, confirmLabel, keepLabel, onConfirm, class: cls }: ConfirmButtonProps) {
  const [asking, setAsking] = useState(false);
  const questionRef = useRef<HTMLParagraphElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const returnFocus = useRef(false);

  useEffect(() => {
    if (asking) questionRef.current?.focus();
    else if (returnFocus.current) {
      returnFocus.current = false;
      buttonRef.current?.focus();
    }
  }, [asking]);

  if (!asking) {
    return (
      <button type="button" ref={buttonRef} class={cls} onClick={() => setAsking(true)}>
        {label}
      </button>
    );
  }
  return (
    <div class="confirm">
      <p class="confirm-question" ref={questionRef} tabIndex={-1}>
        {question}
      </p>
      <div class="button-row">
        <button
          type="button"
          class="danger"
          onClick={() => {
            setAsking(false);
            onConfirm();
          }}
        >
          {confirmLabel}
        </button>
        <button
          type="button"
          onClick={() => {
            returnFocus.current = true;
            setAsking(false);
          }}
        >
          {keepLabel}
        </button>
      </div>
    </div>
  );
}
