// A refusal shown where it belongs: the API's sentence in the form's alert, and each field it
// names marked invalid, so a screen reader and the eye both land on what to fix.
import { showError } from './api.js';

/**
 * Shows `error` (an ApiError, or null to clear) in `alert` and marks the inputs whose
 * data-field matches a field the API named (e.g. "settings.timeZone" or "timeZone").
 */
export function showRefusal(form, alert, error) {
  showError(alert, error);
  for (const input of form.querySelectorAll('[data-field]')) input.removeAttribute('aria-invalid');
  const fields = Object.keys(error?.fields ?? {});
  let first = null;
  for (const field of fields) {
    const name = field.split('.').pop().replace(/\[\d+\]$/, '');
    const input = form.querySelector(`[data-field="${CSS.escape(name)}"]`);
    if (!input) continue;
    input.setAttribute('aria-invalid', 'true');
    first ??= input;
  }
  first?.focus();
}

/** Runs `action` with the form's submit button disabled, so a double click sends one request. */
export async function busy(form, action) {
  const buttons = [...form.querySelectorAll('button')];
  for (const button of buttons) button.disabled = true;
  try {
    return await action();
  } finally {
    for (const button of buttons) button.disabled = false;
  }
}
