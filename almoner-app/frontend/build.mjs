// Puts what Almoner's pages use of the NHS.UK design system into the jar's static folder:
// the stylesheet, the script and the icons. Run by the Maven build (npm run build) after npm ci.
//
// The stylesheet asks for the Frutiger typeface from assets.nhs.uk. Almoner makes no calls out at
// run time (and its content security policy would refuse them), so those @font-face rules are
// dropped and the design system's own fallback font, Arial, is used.
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const out = process.argv[2] ?? 'target/classes/static';
const dist = 'node_modules/nhsuk-frontend/dist/nhsuk';

function withoutSourceMap(text) {
  return text.replace(/\/[*/]# sourceMappingURL=\S+?( \*\/)?\s*$/, '');
}

mkdirSync(join(out, 'nhsuk'), { recursive: true });
const css = withoutSourceMap(readFileSync(join(dist, 'nhsuk-frontend.min.css'), 'utf8')).replace(/@font-face\{[^}]*\}/g, '');
if (/https?:\/\//.test(css)) {
  throw new Error('The NHS.UK stylesheet still refers to another site; Almoner must serve everything itself.');
}
writeFileSync(join(out, 'nhsuk', 'nhsuk-frontend.min.css'), css);
writeFileSync(join(out, 'nhsuk', 'nhsuk-frontend.min.js'),
  withoutSourceMap(readFileSync(join(dist, 'nhsuk-frontend.min.js'), 'utf8')));
// The stylesheet asks for its icons at /assets/images.
cpSync(join(dist, 'assets'), join(out, 'assets'), { recursive: true });
console.log(`NHS.UK frontend copied to ${out}`);
