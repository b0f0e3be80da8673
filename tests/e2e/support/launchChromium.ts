/** The browser tests launch Chromium exactly as the benchmark does: Debian's build, SwiftShader WebGL2. */
export { chromiumPath, launchChromium } from '../../../scripts/bench/chromium';
