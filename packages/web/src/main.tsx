/** Composition root of the page: config, then the app; the signed-in half loads on demand. */
import { render } from "solid-js/web";
import { App } from "./app.js";
import { loadConfig } from "./config.js";
import "./styles.css";
import { STATE_KEY } from "./wizard/keys.js";

function signInResponseInUrl(): boolean {
  const params = `${window.location.hash}&${window.location.search}`;
  return /[#&?](code|error)=/.test(params);
}

async function start(root: HTMLElement): Promise<void> {
  const result = await loadConfig();
  if (!result.ok) {
    root.innerHTML = "";
    const p = document.createElement("p");
    p.setAttribute("role", "alert");
    p.className = "card";
    p.textContent = `This page is not configured: ${result.field} ${result.message}.`;
    root.append(p);
    return;
  }
  const config = result.config;
  // msal returns to the page the sign-in started from, so the code may already be gone from the URL.
  const resume = signInResponseInUrl() || sessionStorage.getItem(STATE_KEY) !== null;
  render(
    () => (
      <App
        config={config}
        resume={resume}
        loadDriver={async (listener) =>
          (await import("./wizard/session-driver.js")).createDriver(config, window.location.origin, listener)
        }
      />
    ),
    root,
  );
}

const root = document.getElementById("root");
if (root) void start(root);
