import { fireEvent } from '@testing-library/preact';

/** Puts files on a file input and fires its change event (as choosing them in the dialog does). */
export function chooseFiles(input: HTMLElement, files: File[]): void {
  Object.defineProperty(input, 'files', { value: files, configurable: true });
  fireEvent.change(input);
}

/** A file with text content. */
export function textFile(name: string, text: string): File {
  return new File([text], name, { type: 'text/plain' });
}

/** Reads a File's text (what a page passes as `readFile`). */
export const readFile = (f: File) => f.text();
