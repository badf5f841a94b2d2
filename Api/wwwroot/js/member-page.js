// A page for members: shows its sign-in form until someone is signed in, then hands over the
// account. Only session.js and api.js know how a sign-in is kept (a cookie), so these pages never do.
import { showError, whenSignInEnds } from './api.js';
import { currentAccount, signInWith, signOut } from './session.js';

/**
 * Wires a page's #sign-in section (form #sign-in-form, alert #sign-in-error, and optionally
 * #sign-in-why), #account with #account-email and #sign-out, and #notice; calls show(account) once
 * someone is signed in and hide() when the form comes back. A page with #sign-in-why says there why
 * it asks (its own words at first, then reasons.signedOut or reasons.ended); others say it in the
 * form's alert.
 */
export async function whenSignedIn({ show, hide = () => {}, reasons = {} }) {
  const $ = (id) => document.getElementById(id);
  const section = $('sign-in');
  const form = $('sign-in-form');
  const error = $('sign-in-error');
  const why = $('sign-in-why');
  const first = why?.textContent ?? null;

  const signedIn = (account) => {
    section.hidden = true;
    $('account-email').textContent = account.email;
    $('account-email').title = account.email;
    $('account').hidden = false;
    show(account);
  };
  const askToSignIn = (reason = null) => {
    $('account').hidden = true;
    hide();
    if (why) {
      why.textContent = reason ?? first;
      showError(error, null);
    } else {
      showError(error, reason ? new Error(reason) : null);
    }
    section.hidden = false;
    form.email.focus();
  };

  signInWith(form, error, signedIn);
  $('sign-out').addEventListener('click', async () => {
    askToSignIn(reasons.signedOut);
    try {
      await signOut();
    } catch (refusal) {
      showError(error, refusal);
    }
  });

  try {
    const account = await currentAccount();
    if (account) signedIn(account);
    else askToSignIn();
  } catch (refusal) {
    // The API could not say who is signed in: the form, with why, so a sign-in can be tried again.
    askToSignIn();
    showError(error, refusal);
  }
  // Signed out elsewhere, removed, or given another role: the next call says so, and the form comes back.
  whenSignInEnds(() => askToSignIn(reasons.ended ?? 'Your sign-in has ended. Sign in again to go on.'));
}
