/// <reference types="vite/client" />

interface ImportMetaEnv {
  readonly VITE_BOXAFE_CLIENT_ID?: string;
  readonly VITE_BOXAFE_AUTHORITY?: string;
  readonly VITE_BOXAFE_GRAPH_URL?: string;
  readonly VITE_BOXAFE_TENANT?: string;
  readonly VITE_BOXAFE_CLOUD?: string;
}
