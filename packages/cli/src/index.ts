/** @module @boxafe-connect/cli */
export {};
