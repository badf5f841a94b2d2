// A page for members: shows its sign-in form until someone is signed in, then hands over the
// account. Only session.js and api.js know how a sign-in is kept (a cookie), so these pages never do.
import { showError, whenSignInEnds } from './api.js';
import { currentAccount, signInWith, signOut } from './session.js';

/**
 * Wires a page's #sign-in section (form #sign-in-form, alert #sign-in-error), #account with
 * #account-email and #sign-out, and #notice; calls show(account) once someone is signed in and
 * hide() when they sign out.
 */
export async function whenSignedIn({ show, hide = () => {} }) {
  const $ = (id) => document.getElementById(id);
  const section = $('sign-in');
  const form = $('sign-in-form');
  const error = $('sign-in-error');

  const signedIn = (account) => {
    section.hidden = true;
    $('account-email').textContent = account.email;
    $('account-email').title = account.email;
    $('account').hidden = false;
    show(account);
  };
  const askToSignIn = (why = null) => {
    $('account').hidden = true;
    hide();
    showError(error, why ? new Error(why) : null);
    section.hidden = false;
    form.email.focus();
  };

  signInWith(form, error, signedIn);
  $('sign-out').addEventListener('click', async () => {
    try {
      await signOut();
    } finally {
      askToSignIn();
    }
  });

  try {
    const account = await currentAccount();
    if (account) signedIn(account);
    else askToSignIn();
  } catch (refusal) {
    showError($('notice'), refusal);
  }
  // Signed out elsewhere, removed, or given another role: the next call says so, and the form comes back.
  whenSignInEnds(() => askToSignIn('Your sign-in has ended. Sign in again to go on.'));
}
