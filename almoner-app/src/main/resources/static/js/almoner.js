// Starts the NHS.UK frontend components (menu, error summary focus, radios). A file rather than an
// inline script, so the content security policy can forbid inline scripts.
import { initAll } from '/nhsuk/nhsuk-frontend.min.js';

document.body.classList.add('js-enabled', 'nhsuk-frontend-supported');
initAll();
