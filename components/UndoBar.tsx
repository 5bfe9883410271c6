/** A bar that offers to undo the last delete. */
export function UndoBar(props: {
  message: string;
  undoLabel: string;
  closeLabel: string;
  onUndo: () => void;
  onClose: () => void;
}) {
  return (
    <div class="undo-bar" role="status">
      <span>{props.message}</span>
      <button type="button" class="primary" onClick={props.onUndo}>
        {props.undoLabel}
      </button>
      <button type="button" onClick={props.onClose} aria-label={props.closeLabel}>
        ×
      </button>
    </div>
  );
}
