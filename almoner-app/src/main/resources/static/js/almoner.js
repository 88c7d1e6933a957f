// Starts the NHS.UK frontend components (menu, error summary focus, radios). A file rather than an
// inline script, so the content security policy can forbid inline scripts.
import { initAll } from '/nhsuk/nhsuk-frontend.min.js';

document.body.classList.add('js-enabled', 'nhsuk-frontend-supported');
initAll();

// A part of a page marked data-almoner-poll (a job's progress) asks the server for itself again every two
// seconds and is replaced by the answer, until the answer no longer asks to be polled: the job is over.
// Without scripts the page's own refresh link does the same.
function poll(region) {
  setTimeout(async () => {
    try {
      const answer = await fetch(region.dataset.almonerPoll, { credentials: 'same-origin', headers: { 'Accept': 'text/html' } });
      if (!answer.ok) {
        return;
      }
      const next = new DOMParser().parseFromString(await answer.text(), 'text/html').body.firstElementChild;
      if (next) {
        region.replaceWith(next);
        if (next.dataset.almonerPoll) {
          poll(next);
        }
      }
    } catch (stopped) {
      // The server went away or the person left; the refresh link still works.
    }
  }, 2000);
}
document.querySelectorAll('[data-almoner-poll]').forEach(poll);
