import { buildPage } from "../server/build-page.js";

/** A fresh production build of the page, so the browser tests what `pnpm start` serves. */
export default async function setup(): Promise<void> {
  await buildPage();
}
